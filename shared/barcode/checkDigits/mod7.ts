/**
 * DHL Express waybill (../shared/reference/barcodes.md §1.7): check digit = (numeric value of the preceding digits) mod 7.
 * A body digit changed by ±7 (0↔7, 1↔8, 2↔9) is not detected.
 */
import { digitAt } from './digits.ts';

export function mod7CheckDigit(body: string): number {
  let r = 0;
  for (let i = 0; i < body.length; i++) r = (r * 10 + digitAt(body, i)) % 7;
  return r;
}
