/**
 * One pre-alert manifest row from HQ: a parcel ECMS expects at a warehouse. Manifests cross two trust boundaries
 * (HQ → station sync, and resource files), so they are parsed with this schema.
 * The consignee's ID number never reaches the station: only its status.
 */
import { z } from 'zod';
import { DESTINATIONS, WAREHOUSES } from './destinations.ts';

export const ID_STATUSES = ['not_required', 'missing', 'received', 'invalid'] as const;
export const DUTY_STATUSES = ['not_required', 'unpaid', 'paid'] as const;

export const ManifestItemSchema = z.object({
  description: z.string().min(1).max(500),
  hsCode: z.string().regex(/^\d{4,10}$/).optional(),
  quantity: z.number().int().positive(),
  /** Declared unit value in minor units (cents). */
  valueMinor: z.number().int().nonnegative(),
  currency: z.string().length(3),
});

/**
 * The consignee as written in the destination's own script (Chinese, Japanese, Korean), when HQ has it: printed
 * on the relabel beside the Latin name (shared/manifest/nativeScript.ts says which script each destination uses).
 */
export const NativeConsigneeSchema = z.object({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(300).optional(),
});
export type NativeConsignee = z.infer<typeof NativeConsigneeSchema>;

export const ManifestEntrySchema = z.object({
  /** ECMS waybill, e.g. APELAX1040039963. */
  waybill: z.string().regex(/^[A-Z0-9]{6,40}$/),
  /** Inbound carrier tracking numbers the parcel may arrive under (normalised form). */
  inboundTracking: z.array(z.string().min(4).max(64)).max(10),
  warehouse: z.enum(WAREHOUSES),
  destination: z.enum(DESTINATIONS),
  /** Declared mass in quanta (shared/units/mass.ts). */
  declaredMass: z.number().int().positive(),
  declaredDims: z.object({ length: z.number().int().positive(), width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  pieceIndex: z.number().int().positive().default(1),
  pieceCount: z.number().int().positive().default(1),
  consigneeName: z.string().min(1).max(200),
  /** Name and address in the destination's script (optional, from HQ). */
  consigneeNative: NativeConsigneeSchema.optional(),
  consigneeIdStatus: z.enum(ID_STATUSES),
  dutiesStatus: z.enum(DUTY_STATUSES),
  shipperName: z.string().min(1).max(200),
  shipperAddress: z.string().min(1).max(500),
  /** Customer reference, e.g. the Amazon order id. */
  reference: z.string().max(100).optional(),
  items: z.array(ManifestItemSchema).min(1).max(200),
  /** The price quoted at pre-alert, minor units. */
  estimateMinor: z.number().int().nonnegative(),
  currency: z.string().length(3),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type ManifestItem = z.infer<typeof ManifestItemSchema>;
