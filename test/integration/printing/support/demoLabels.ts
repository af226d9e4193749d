/**
 * Every kind of label the station can print, as document models: the relabel for a parcel to each destination
 * with a native script (the demo's CN, HK, TW, JP and KR parcels, with their names and addresses in that script),
 * a Latin-only relabel (SG), a reprint, a relabel whose local-script address is too long ("see manifest"), return
 * slips with and without a pre-alert, and the printer test label.
 */
import { demoParcel } from '../../../../electron/printing/slipParcel.ts';
import type { DocumentModel } from '../../../../shared/printing/documentModel.ts';
import { relabelModel } from '../../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../../shared/printing/returnSlipModel.ts';
import { testLabelModel } from '../../../../shared/printing/testLabelModel.ts';
import { NOW, STATION, manifestEntry, returnedIntake } from '../../../unit/printing/support/parcels.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

export function demoRelabel(waybill: string, copy = 1): DocumentModel {
  const parcel = must(demoParcel(waybill, 'LAX-DOCK-3', 'maria', NOW));
  return must(relabelModel(parcel.intake, parcel.station, NOW, { copy, native: parcel.manifest?.consigneeNative ?? null }));
}

export interface LabelCase {
  readonly name: string;
  readonly model: () => DocumentModel;
  /** What the barcode reads. */
  readonly barcode: string;
  /** The consignee's name in their own script, when the label carries it. */
  readonly nativeName: string | null;
}

export const NATIVE_RELABELS: readonly LabelCase[] = [
  { name: 'relabel-CN', model: () => demoRelabel('APELAX1040000101'), barcode: 'APELAX1040000101', nativeName: '王芳' },
  { name: 'relabel-HK', model: () => demoRelabel('APELAX1040000102'), barcode: 'APELAX1040000102', nativeName: '陳嘉欣' },
  { name: 'relabel-TW', model: () => demoRelabel('APELAX1110000105'), barcode: 'APELAX1110000105', nativeName: '林怡婷' },
  { name: 'relabel-JP', model: () => demoRelabel('APELAX1100000103'), barcode: 'APELAX1100000103', nativeName: '佐藤由紀' },
  { name: 'relabel-KR', model: () => demoRelabel('APELAX1100000104'), barcode: 'APELAX1100000104', nativeName: '김민지' },
];

export const ALL_LABELS: readonly LabelCase[] = [
  ...NATIVE_RELABELS,
  { name: 'relabel-SG-latin-only', model: () => demoRelabel('APELAX1110000106'), barcode: 'APELAX1110000106', nativeName: null },
  { name: 'relabel-KR-reprint', model: () => demoRelabel('APELAX1220000115', 2), barcode: 'APELAX1220000115', nativeName: '박지수' },
  { name: 'relabel-CN-see-manifest', model: () => demoRelabel('APECHI1000000201'), barcode: 'APECHI1000000201', nativeName: '赵磊' },
  { name: 'return-slip', model: () => must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW)), barcode: 'APELAX1040039963', nativeName: null },
  { name: 'return-slip-no-prealert', model: () => must(returnSlipModel(returnedIntake({ manifest: null }), null, STATION, NOW)), barcode: '1Z999AA10123456784', nativeName: null },
  {
    name: 'test-label',
    model: () => testLabelModel({ kind: 'zpl-tcp', host: '192.168.1.50', port: 9100, dpi: 203, checkStatus: false }, STATION, 'maria', NOW),
    barcode: 'ECMSTESTLAX',
    nativeName: null,
  },
];
