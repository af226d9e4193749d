/**
 * UPU S10 check digit (../shared/reference/barcodes.md §1.5): weights 8, 6, 4, 2, 3, 5, 9, 7 on the 8 serial digits; C = 11 − (S mod 11);
 * 10 → 0, 11 → 5. Remainders 0 and 6 both give 5, so a substitution moving the remainder between them is not detected.
 */
import { digitAt } from './digits.ts';

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

export function s10Remainder(serial8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(serial8, i) * (WEIGHTS[i] ?? 0);
  return sum % 11;
}

export function s10CheckDigit(serial8: string): number {
  const c = 11 - s10Remainder(serial8);
  if (c === 10) return 0;
  if (c === 11) return 5;
  return c;
}
