/** True when the string is non-empty and made of ASCII digits only. */
export function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/** Numeric value of the ASCII digit at index i (caller guarantees a digit). */
export function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}
