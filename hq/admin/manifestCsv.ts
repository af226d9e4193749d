/**
 * Manifest CSV, one row per ITEM (a parcel with three items takes three rows; its parcel columns repeat and must be
 * identical). Header row required; column order free; names:
 *
 *   waybill, warehouse, destination, inbound_tracking (several separated by '|'), declared_weight ("3.2 lb",
 *   "1.45 kg"), dimensions (optional, "12x10x8 in"), piece_index, piece_count (optional, default 1),
 *   consignee_name, consignee_name_native and consignee_address_native (optional: the consignee in the
 *   destination's script, CN/HK/TW/JP/KR; an address needs the name), consignee_id_status, duties_status, shipper_name, shipper_address, reference (optional),
 *   estimate_minor, currency, item_description, item_hs_code (optional), item_quantity, item_value_minor,
 *   item_currency
 *
 * Money is in minor units (cents) so nothing is rounded on import. Every row becomes a candidate ManifestEntry; the
 * caller validates each with ManifestEntrySchema.
 */
import { parseCsv } from './csv.ts';
import { parseMassText } from '../../shared/units/mass.ts';
import { parseDimensionsText } from '../../shared/units/length.ts';

export const MANIFEST_CSV_COLUMNS = [
  'waybill', 'warehouse', 'destination', 'inbound_tracking', 'declared_weight', 'dimensions', 'piece_index', 'piece_count',
  'consignee_name', 'consignee_name_native', 'consignee_address_native', 'consignee_id_status', 'duties_status', 'shipper_name', 'shipper_address', 'reference',
  'estimate_minor', 'currency', 'item_description', 'item_hs_code', 'item_quantity', 'item_value_minor', 'item_currency',
] as const;
const OPTIONAL = new Set(['dimensions', 'piece_index', 'piece_count', 'consignee_name_native', 'consignee_address_native', 'reference', 'item_hs_code']);
const PARCEL_COLUMNS = MANIFEST_CSV_COLUMNS.filter((c) => !c.startsWith('item_'));

/** The native-script columns as the entry's consigneeNative; an address without a name is left for the schema to refuse. */
function nativeConsignee(name: string, address: string): Record<string, unknown> {
  if (name === '' && address === '') return {};
  return { consigneeNative: { name, ...(address === '' ? {} : { address }) } };
}

export interface CsvCandidate {
  readonly source: string;
  readonly value: unknown;
}

export interface CsvProblem {
  readonly source: string;
  readonly message: string;
}

function intOrText(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

export function manifestCandidatesFromCsv(text: string, fileName: string): { candidates: CsvCandidate[]; problems: CsvProblem[] } {
  const rows = parseCsv(text);
  const problems: CsvProblem[] = [];
  const header = rows[0];
  if (!header) return { candidates: [], problems: [{ source: fileName, message: 'empty file' }] };
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => index.set(name.trim(), i));
  const missing = MANIFEST_CSV_COLUMNS.filter((c) => !OPTIONAL.has(c) && !index.has(c));
  if (missing.length > 0) return { candidates: [], problems: [{ source: `${fileName}:1`, message: `missing columns: ${missing.join(', ')}` }] };

  const parcels = new Map<string, { source: string; parcelKey: string; entry: Record<string, unknown>; items: unknown[] }>();
  for (const row of rows.slice(1)) {
    const source = `${fileName}:${row.line}`;
    const get = (c: string): string => {
      const i = index.get(c);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const mass = parseMassText(get('declared_weight'));
    if (!mass) {
      problems.push({ source, message: `declared_weight ${JSON.stringify(get('declared_weight'))} is not like "3.2 lb"` });
      continue;
    }
    const dimsText = get('dimensions');
    const dims = dimsText === '' ? undefined : parseDimensionsText(dimsText);
    if (dims === null) {
      problems.push({ source, message: `dimensions ${JSON.stringify(dimsText)} is not like "12x10x8 in"` });
      continue;
    }
    const entry: Record<string, unknown> = {
      waybill: get('waybill'),
      inboundTracking: get('inbound_tracking') === '' ? [] : get('inbound_tracking').split('|').map((t) => t.trim()),
      warehouse: get('warehouse'),
      destination: get('destination'),
      declaredMass: mass.mass,
      ...(dims ? { declaredDims: { length: dims.dims.length, width: dims.dims.width, height: dims.dims.height } } : {}),
      ...(get('piece_index') !== '' ? { pieceIndex: intOrText(get('piece_index')) } : {}),
      ...(get('piece_count') !== '' ? { pieceCount: intOrText(get('piece_count')) } : {}),
      consigneeName: get('consignee_name'),
      ...nativeConsignee(get('consignee_name_native'), get('consignee_address_native')),
      consigneeIdStatus: get('consignee_id_status'),
      dutiesStatus: get('duties_status'),
      shipperName: get('shipper_name'),
      shipperAddress: get('shipper_address'),
      ...(get('reference') !== '' ? { reference: get('reference') } : {}),
      estimateMinor: intOrText(get('estimate_minor')),
      currency: get('currency'),
    };
    const item = {
      description: get('item_description'),
      ...(get('item_hs_code') !== '' ? { hsCode: get('item_hs_code') } : {}),
      quantity: intOrText(get('item_quantity')),
      valueMinor: intOrText(get('item_value_minor')),
      currency: get('item_currency'),
    };
    const parcelKey = PARCEL_COLUMNS.map((c) => get(c)).join('\u0000');
    const existing = parcels.get(get('waybill'));
    if (existing) {
      if (existing.parcelKey !== parcelKey) {
        problems.push({ source, message: `waybill ${get('waybill')} repeats with different parcel columns than on ${existing.source}` });
        continue;
      }
      existing.items.push(item);
    } else {
      parcels.set(get('waybill'), { source, parcelKey, entry, items: [item] });
    }
  }
  const candidates = [...parcels.values()].map((p) => ({ source: p.source, value: { ...p.entry, items: p.items } }));
  return { candidates, problems };
}
