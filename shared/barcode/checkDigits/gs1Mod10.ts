/**
 * GS1 mod 10 (GTIN, SSCC, USPS IMpb PIC, FedEx Ground): from the rightmost body digit leftwards, weights 3, 1, 3, 1 …;
 * check = (10 − sum mod 10) mod 10 (../shared/reference/barcodes.md §1.2, §1.4). Detects every single-digit substitution.
 */
import { digitAt, isDigits } from './digits.ts';

/** Check digit for a body of digits (the number without its check digit). */
export function gs1Mod10CheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += digitAt(body, i) * w;
  return (10 - (sum % 10)) % 10;
}

/** True when `digits` is all digits and its last digit is the GS1 mod 10 check digit of the rest. */
export function hasValidGs1Mod10(digits: string): boolean {
  if (digits.length < 2 || !isDigits(digits)) return false;
  return gs1Mod10CheckDigit(digits.slice(0, -1)) === digitAt(digits, digits.length - 1);
}
