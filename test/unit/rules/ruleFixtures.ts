/** Helpers for the rules tests: exact quantities from text, sample reference data, manifests. */
import { readReferenceFiles } from '../../../electron/rules/referenceFiles.ts';
import type { Destination, Warehouse } from '../../../shared/manifest/destinations.ts';
import { ManifestEntrySchema, type ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { RateCardSchema, type RateCard } from '../../../shared/rules/rateCard.ts';
import { buildRuleContext, type RuleContext } from '../../../shared/rules/ruleContext.ts';
import type { ReferenceDoc } from '../../../shared/sync/referenceDoc.ts';
import { lengthFromDecimal, type Dimensions, type LengthUnit } from '../../../shared/units/length.ts';
import { massFromDecimal, type MassQ, type MassUnit } from '../../../shared/units/mass.ts';

export function mass(value: string, unit: MassUnit): MassQ {
  const m = massFromDecimal(value, unit);
  if (m === null) throw new Error(`bad mass ${value} ${unit}`);
  return m;
}

export function dims(l: string, w: string, h: string, unit: LengthUnit): Dimensions {
  const [a, b, c] = [l, w, h].map((x) => lengthFromDecimal(x, unit));
  if (a == null || b == null || c == null) throw new Error('bad dims');
  return { length: a, width: b, height: c };
}

let sampleDocs: ReferenceDoc[] | null = null;
export function sampleReferenceDocs(): ReferenceDoc[] {
  if (!sampleDocs) {
    const r = readReferenceFiles();
    if (!r.ok) throw new Error(r.error.message);
    sampleDocs = r.docs;
  }
  return sampleDocs;
}

/** 2026-06-01 12:00 UTC: every sample card 2026.1 is in force. */
export const AT = Date.parse('2026-06-01T12:00:00Z');

export function sampleContext(destination: Destination | null, warehouse: Warehouse = 'LAX', at: number = AT): RuleContext {
  const r = buildRuleContext(sampleReferenceDocs(), { destination, warehouse, at });
  if (!r.ok) throw new Error(r.error.message);
  return r.context;
}

export function sampleCard(docId: string): RateCard {
  const doc = sampleReferenceDocs().find((d) => d.docId === docId);
  if (!doc) throw new Error(`no sample doc ${docId}`);
  return RateCardSchema.parse(doc.body);
}

/** Card A CN 2026.1 as a plain object, for tests that vary one field. */
export function cardA(overrides: Partial<RateCard> = {}): RateCard {
  return RateCardSchema.parse({ ...sampleCard('card-a-CN-2026-01'), ...overrides });
}

export function manifest(overrides: Partial<ManifestEntry> = {}): ManifestEntry {
  return ManifestEntrySchema.parse({
    waybill: 'APELAX1040009999',
    inboundTracking: ['1Z879E930346834440'],
    warehouse: 'LAX',
    destination: 'CN',
    declaredMass: mass('3.2', 'lb'),
    consigneeName: 'Test Consignee',
    consigneeIdStatus: 'received',
    dutiesStatus: 'paid',
    shipperName: 'Test Shipper',
    shipperAddress: '1 Test St, Los Angeles, CA',
    items: [{ description: 'Cotton T-shirt', quantity: 1, valueMinor: 1500, currency: 'USD' }],
    estimateMinor: 2150,
    currency: 'USD',
    ...overrides,
  });
}
