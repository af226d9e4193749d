/** Worker-facing wording for scan reasons (English; the UI may translate by code). */
import type { ScanReason } from './scanClassification.ts';

export const SCAN_REASON_TEXT: Readonly<Record<ScanReason, string>> = {
  EMPTY: 'The scan was empty. Scan the label again.',
  CHECK_DIGIT_MISMATCH: 'The check digit does not match: the barcode was misread or damaged. Scan it again.',
  WRONG_LENGTH: 'Only part of the number was read. Scan the label again.',
  UNKNOWN_S10_COUNTRY: 'The postal tracking number ends in an unknown country code. Scan it again or key it in.',
  UNKNOWN_AMAZON_PREFIX: 'This looks like an Amazon number but the prefix is not TBA, TBC or TBM. Scan it again.',
  ROUTING_ONLY: 'That is the ZIP routing barcode. Scan the tracking barcode below it.',
  CARRIER_2D_MESSAGE: "That is the carrier's 2D routing code. Scan the 1D tracking barcode.",
  UNRECOGNISED: 'This is not a waybill or carrier tracking number we recognise.',
};
