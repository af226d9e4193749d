/** Reason codes for verdicts (reference: ../shared/reference/domain.md §4.1). */
export const REASON_CODES = [
  'OVERWEIGHT',
  'OVERSIZE',
  'PROHIBITED',
  'RESTRICTED_DOCS',
  'ID_MISSING',
  'ID_INVALID',
  'DUTIES_UNPAID',
  'NO_PREALERT',
  'DAMAGED_PACKAGING',
  'DESTINATION_NOT_SERVED',
  'WEIGHT_MISMATCH',
  'DECLARATION_INVALID',
  'HOLD_EXPIRED',
  /** Added by the rules engine: content that may hide dangerous goods; a supervisor checks it (FLAG only). */
  'CONTENT_REVIEW',
  /** Added by the rules engine: the measured price could not be worked out (FLAG only; a supervisor prices it). */
  'PRICE_UNAVAILABLE',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
