/**
 * The result of classifying one scan (a keyboard-wedge burst, a serial-scanner line or a camera/image decode).
 * Pure data; the station looks `tracking` up in manifests (ECMS waybill or inbound tracking number).
 *
 * Invariant, enforced by the schema: `valid` is true exactly when there is no `reason`.
 */
import { z } from 'zod';

/** The family of number a scan was recognised as. */
export const SCAN_KINDS = [
  'ecms_waybill',
  'usps_impb',
  'ups_1z',
  'fedex',
  'upu_s10',
  'amazon_logistics',
  'dhl_express',
  'dhl_ecommerce',
  'sscc18',
  /** A GS1 "ship-to postal code" (420 + ZIP) barcode on its own: a routing barcode, not a parcel id. */
  'routing_only',
  'unknown',
] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

/** The exact layout within the family (for display and support). */
export const SCAN_FORMATS = [
  'ecms_waybill',
  'ecms_custom_pattern',
  'usps_impb_22',
  'usps_impb_26',
  'usps_impb_30',
  'usps_legacy_20',
  'ups_1z',
  'fedex_express_12',
  'fedex_ground_15',
  'fedex_ground_96_22',
  'fedex_express_34',
  'fedex_ground_gsn_34',
  'upu_s10',
  'amazon_logistics',
  'dhl_express_waybill',
  'dhl_express_piece_id',
  'dhl_ecommerce',
  'sscc18',
  'gs1_ship_to_postal_code',
  'unknown',
] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const CARRIERS = ['ecms', 'usps', 'ups', 'fedex', 'upu_post', 'amazon', 'dhl'] as const;
export type Carrier = (typeof CARRIERS)[number];

/** Why a scan is not a usable parcel id. */
export const SCAN_REASONS = [
  /** Nothing left after removing the AIM prefix, whitespace and control characters. */
  'EMPTY',
  /** The number has the shape of a known format but its check digit is wrong: rescan. */
  'CHECK_DIGIT_MISMATCH',
  /** Known prefix, wrong length (typically a partial read). */
  'WRONG_LENGTH',
  /** UPU S10 number whose country code is not a known issuing post. */
  'UNKNOWN_S10_COUNTRY',
  /** Amazon-shaped (TB? + 12 digits) with a prefix other than TBA / TBC / TBM. */
  'UNKNOWN_AMAZON_PREFIX',
  /** A 420 + ZIP routing barcode: scan the tracking barcode instead. */
  'ROUTING_ONLY',
  /** A carrier 2D message (ISO 15434 "[)>", e.g. UPS MaxiCode / PDF417): scan the 1D tracking barcode instead. */
  'CARRIER_2D_MESSAGE',
  /** Text that matches no known format. */
  'UNRECOGNISED',
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

/**
 * certain: prefix/structure identifies the format and a check digit (or a unique prefix) confirms it.
 * probable: a purely numeric match by length whose check can pass by accident (e.g. DHL mod 7, 1 in 7).
 */
export const CERTAINTIES = ['certain', 'probable'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const Gs1ElementSchema = z.object({
  ai: z.string().regex(/^\d{2,4}$/),
  value: z.string(),
});
export type Gs1Element = z.infer<typeof Gs1ElementSchema>;

export const ScanClassificationSchema = z
  .object({
    kind: z.enum(SCAN_KINDS),
    format: z.enum(SCAN_FORMATS),
    carrier: z.enum(CARRIERS).nullable(),
    /** Normalised tracking number (upper case, no spaces, AIM prefix / 420+ZIP removed); the cleaned text for unknown scans. */
    tracking: z.string(),
    valid: z.boolean(),
    reason: z.enum(SCAN_REASONS).optional(),
    certainty: z.enum(CERTAINTIES),
    /** Other normalised numbers the same scan may be filed under (e.g. the full 34-digit FedEx barcode). */
    alternatives: z.array(z.string()),
    /** Exactly what the scanner or decoder delivered. */
    raw: z.string(),
    /** AIM symbology identifier (e.g. "]C1") if the scan carried one. */
    symbology: z.string().regex(/^\][A-Za-z][0-9A-Za-z]$/).optional(),
    /** GS1 element strings, when the scan was GS1 data that parsed. */
    gs1: z.array(Gs1ElementSchema).optional(),
  })
  .refine((c) => c.valid === (c.reason === undefined), { message: 'valid must be true exactly when there is no reason' });
export type ScanClassification = z.infer<typeof ScanClassificationSchema>;

/** What a recogniser decides about a normalised string, before classifyScan adds raw / symbology / gs1. */
export type Recognised = Omit<ScanClassification, 'raw' | 'symbology' | 'gs1'>;
