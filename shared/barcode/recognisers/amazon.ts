/**
 * Amazon Logistics: TBA (US), TBC (Canada), TBM (Mexico) + 12 digits; no check digit (../shared/reference/barcodes.md §1.6).
 * Another letter in place of A/C/M is reported as an Amazon-shaped number with an unknown prefix.
 */
import type { Recognised } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const AMAZON: Identity = { kind: 'amazon_logistics', format: 'amazon_logistics', carrier: 'amazon' };

export function recogniseAmazon(compact: string): Recognised | null {
  if (/^TB[ACM]\d{12}$/.test(compact)) return accepted(AMAZON, compact, 'certain');
  if (/^TB[A-Z]\d{12}$/.test(compact)) return rejected(AMAZON, compact, 'UNKNOWN_AMAZON_PREFIX');
  if (/^TB[ACM]\d+$/.test(compact)) return rejected(AMAZON, compact, 'WRONG_LENGTH');
  return null;
}
