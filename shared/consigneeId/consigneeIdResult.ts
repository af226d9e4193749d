/**
 * Result of checking a consignee customs ID locally (../shared/reference/barcodes.md §6). The ID number itself is never part of the
 * result: the station stores only the status.
 * Invariant, enforced by the schema: `valid` is true exactly when there is no `reason`.
 */
import { z } from 'zod';
import { ID_REQUIRED_COUNTRIES } from '../manifest/destinations.ts';

/** The countries whose IDs are checked: the destinations whose customs require one (one list, in destinations.ts). */
export const CONSIGNEE_ID_COUNTRIES = ID_REQUIRED_COUNTRIES;
export type ConsigneeIdCountry = (typeof CONSIGNEE_ID_COUNTRIES)[number];

export const CONSIGNEE_ID_KINDS = [
  /** PRC resident identity card number, 18 characters (GB 11643-1999). */
  'cn_resident_id',
  /** Legacy 15-digit PRC number (GB 11643-1989): no check character, first-generation cards expired. */
  'cn_resident_id_legacy_15',
  /** Korea Personal Customs Clearance Code: P + 12 digits; format only (real check is UNI-PASS). */
  'kr_pccc',
  /** Taiwan national ID: letter + 1/2 + 8 digits. */
  'tw_national_id',
  /** Taiwan resident certificate / UI number, new format (2021-): letter + 8/9 + 8 digits. */
  'tw_resident_certificate_new',
  /** Taiwan resident certificate / UI number, old format: letter + A–D + 8 digits (retired from 2031). */
  'tw_resident_certificate_old',
  'unknown',
] as const;
export type ConsigneeIdKind = (typeof CONSIGNEE_ID_KINDS)[number];

export const CONSIGNEE_ID_REASONS = [
  'EMPTY',
  /** Neither the length nor the shape of any ID of that country. */
  'WRONG_FORMAT',
  'CHECK_DIGIT_MISMATCH',
  /** PRC: the 8 birth-date digits are not a real date. */
  'INVALID_BIRTH_DATE',
  /** PRC: the birth date is after today. */
  'BIRTH_DATE_IN_FUTURE',
  /** PRC: the first two digits are not a province-level code. */
  'UNKNOWN_REGION',
  /** PRC: legacy 15-digit number, no longer issued or accepted. */
  'LEGACY_FORMAT',
] as const;
export type ConsigneeIdReason = (typeof CONSIGNEE_ID_REASONS)[number];

export const ConsigneeIdValidationSchema = z
  .object({
    valid: z.boolean(),
    kind: z.enum(CONSIGNEE_ID_KINDS),
    reason: z.enum(CONSIGNEE_ID_REASONS).optional(),
  })
  .refine((r) => r.valid === (r.reason === undefined), { message: 'valid must be true exactly when there is no reason' });
export type ConsigneeIdValidation = z.infer<typeof ConsigneeIdValidationSchema>;

export function idAccepted(kind: ConsigneeIdKind): ConsigneeIdValidation {
  return { valid: true, kind };
}

export function idRejected(kind: ConsigneeIdKind, reason: ConsigneeIdReason): ConsigneeIdValidation {
  return { valid: false, kind, reason };
}
