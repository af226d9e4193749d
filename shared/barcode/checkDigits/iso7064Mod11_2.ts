/**
 * ISO 7064 MOD 11-2 (PRC resident ID, ../shared/reference/barcodes.md §6.1): weights 2^(n−i) mod 11 for positions 1…17
 * (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2); R = S mod 11 maps to "1 0 X 9 8 7 6 5 4 3 2".
 * A pure system: detects every single substitution.
 */
import { digitAt } from './digits.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Check character for a 17-digit body. */
export function iso7064Mod11_2CheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digitAt(body17, i) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}
