/**
 * UPS 1Z check digit (../shared/reference/barcodes.md §1.3): over the 15 characters between "1Z" and the check digit, letters become
 * (ASCII − 63) mod 10; odd positions (1st, 3rd … from the left) count once, even positions twice;
 * check = (10 − sum mod 10) mod 10.
 * Not detected: a character replaced by one with the same mapped value (e.g. A ↔ K ↔ U ↔ 2), and at even positions
 * a mapped value changed by 5.
 */

/** The value a 1Z character contributes: digits as themselves, letters (ASCII − 63) mod 10. */
export function upsCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return (code - 63) % 10;
}

/** Check digit for the 15-character body (A–Z, 0–9). */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += upsCharValue(body.charAt(i)) * (i % 2 === 0 ? 1 : 2);
  return (10 - (sum % 10)) % 10;
}
