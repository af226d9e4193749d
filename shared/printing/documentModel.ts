/**
 * What each document says, as plain fields: built from the intake by relabelModel / returnSlipModel /
 * testLabelModel, laid out by the layout modules, rendered to ZPL, PDF or HTML. The model is stored with each print
 * job (JSON, parsed with these schemas on read), so a queued job can be rendered again for another printer
 * without going back to the intake.
 */
import { z } from 'zod';
import { DECISIONS } from '../rules/verdict.ts';
import { REASON_CODES } from '../rules/reasonCodes.ts';
import { WAREHOUSES } from '../manifest/destinations.ts';
import { NATIVE_SCRIPTS } from '../manifest/nativeScript.ts';
import { JOB_MARKS } from './printJob.ts';

const Common = {
  stationId: z.string().min(1).max(40),
  warehouse: z.enum(WAREHOUSES),
  /** Epoch ms the document was made (the first print of it; a reprint is a new document). */
  printedAt: z.number().int().nonnegative(),
  /** printedAt in the warehouse's time zone, e.g. "2026-11-21 06:04 PST". */
  printedAtText: z.string(),
  operator: z.string().max(60),
  /** 1 for the first print of this document for this parcel, 2 for the first reprint, … */
  copy: z.number().int().positive(),
  /** REPRINT (sent again after the station stopped mid-send) or VOID (voids this earlier label); absent: neither. */
  mark: z.enum(JOB_MARKS).optional(),
};

const Weight = z.object({ primary: z.string(), secondary: z.string() });

export const RelabelModelSchema = z.object({
  document: z.literal('relabel'),
  waybill: z.string().min(1).max(40),
  destination: z.string(),
  destinationName: z.string(),
  consigneeName: z.string(),
  /** The consignee in the destination's own script, when the manifest has it (jobs stored before it: null). */
  consigneeNative: z
    .object({ script: z.enum(NATIVE_SCRIPTS), name: z.string().min(1), address: z.string().nullable() })
    .nullable()
    .default(null),
  pieceIndex: z.number().int().positive(),
  pieceCount: z.number().int().positive(),
  weight: Weight,
  /** "12 x 10 x 8 in", or null when no size was taken. */
  size: z.string().nullable(),
  ...Common,
});
export type RelabelModel = z.infer<typeof RelabelModelSchema>;

export const ReturnSlipModelSchema = z.object({
  document: z.literal('return-slip'),
  decision: z.enum(DECISIONS),
  returnReference: z.string().min(1).max(80),
  reasons: z.array(z.object({ code: z.enum(REASON_CODES), effect: z.enum(['RETURN', 'HOLD', 'FLAG']), text: z.string() })),
  /** The barcode on the slip: the parcel's original ECMS waybill, or its inbound tracking without a pre-alert. */
  barcode: z.object({ label: z.string(), data: z.string().min(1).max(80) }),
  waybill: z.string().nullable(),
  tracking: z.string(),
  carrier: z.string().nullable(),
  /** Who the parcel goes back to; null when the station has no pre-alert for it (the slip says so). */
  shipper: z.object({ name: z.string(), address: z.string() }).nullable(),
  consigneeMasked: z.string().nullable(),
  destination: z.string().nullable(),
  destinationName: z.string().nullable(),
  customerReference: z.string().nullable(),
  pieceIndex: z.number().int().positive().nullable(),
  pieceCount: z.number().int().positive().nullable(),
  weight: Weight.nullable(),
  size: z.string().nullable(),
  /** The hold-shelf location of a held parcel, e.g. "H-12". */
  holdLocation: z.string().nullable(),
  ...Common,
});
export type ReturnSlipModel = z.infer<typeof ReturnSlipModelSchema>;

export const TestLabelModelSchema = z.object({
  document: z.literal('test'),
  /** What the label was sent to, e.g. "ZPL 203 dpi at 192.168.1.50:9100". */
  target: z.string(),
  barcode: z.string().min(1).max(40),
  ...Common,
});
export type TestLabelModel = z.infer<typeof TestLabelModelSchema>;

export const DocumentModelSchema = z.discriminatedUnion('document', [RelabelModelSchema, ReturnSlipModelSchema, TestLabelModelSchema]);
export type DocumentModel = z.infer<typeof DocumentModelSchema>;

/** The station fields every document carries. */
export interface SlipStation {
  readonly stationId: string;
  readonly warehouse: (typeof WAREHOUSES)[number];
}
