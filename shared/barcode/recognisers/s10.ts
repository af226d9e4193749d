/**
 * UPU S10 international postal items: 2 letters + 8-digit serial + check digit + issuing country (../shared/reference/barcodes.md §1.5).
 * Valid only with a correct check digit and a country of a known issuing post.
 */
import { s10CheckDigit } from '../checkDigits/s10CheckDigit.ts';
import type { Recognised } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';
import { S10_COUNTRIES } from './s10Countries.ts';

const S10: Identity = { kind: 'upu_s10', format: 'upu_s10', carrier: 'upu_post' };

export function recogniseS10(compact: string): Recognised | null {
  if (!/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(compact)) return null;
  const serial = compact.slice(2, 10);
  const check = compact.charAt(10);
  if (String(s10CheckDigit(serial)) !== check) return rejected(S10, compact, 'CHECK_DIGIT_MISMATCH');
  if (!S10_COUNTRIES.has(compact.slice(11))) return rejected(S10, compact, 'UNKNOWN_S10_COUNTRY');
  return accepted(S10, compact, 'certain');
}
