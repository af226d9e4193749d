/**
 * FedEx Express mod 11 (../shared/reference/barcodes.md §1.4): from the rightmost body digit leftwards, weights 1, 3, 7, 1, 3, 7 …;
 * check = (sum mod 11) mod 10. Remainders 0 and 10 share check digit 0, so a substitution that moves the remainder
 * between 0 and 10 is not detected; every other single-digit substitution is.
 */
import { digitAt } from './digits.ts';

const WEIGHTS = [1, 3, 7] as const;

/** sum mod 11 of the weighted body (exposed so tests can state exactly what the scheme guarantees). */
export function weighted137Remainder(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, k = 0; i >= 0; i--, k++) sum += digitAt(body, i) * (WEIGHTS[k % 3] ?? 0);
  return sum % 11;
}

export function weighted137Mod11CheckDigit(body: string): number {
  return weighted137Remainder(body) % 10;
}
