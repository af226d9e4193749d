/**
 * Exact decimal strings ⇄ scaled integers, without floating point.
 * "3.20" → { digits: 320n, scale: 2 } (value = digits / 10^scale).
 */
export interface ExactDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$/;

/** Parses a plain decimal ("12", "3.2", "-0.05", ".5"); returns null for anything else (no exponents, no commas). */
export function parseExactDecimal(text: string): ExactDecimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const sign = (m[1] ?? m[4]) === '-' ? -1n : 1n;
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  if (frac.length > 12) return null;
  return { digits: sign * BigInt(whole + frac), scale: frac.length };
}

/** Exact integer division; returns null if `num / den` is not an integer. */
export function divideExactly(num: bigint, den: bigint): bigint | null {
  return num % den === 0n ? num / den : null;
}

/** Formats value / 10^scale with exactly `scale` decimals ("3.20"). */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${frac}` : ''}`;
}

/** Rounds num/den to the nearest integer, halves away from zero. */
export function roundDiv(num: bigint, den: bigint): bigint {
  const negative = (num < 0n) !== (den < 0n);
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Ceiling of num/den for a positive den. */
export function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num > 0n ? q + 1n : q;
}
