/**
 * Length as an exact integer number of nanometres: 1 in = 25 400 000 nm, 1 cm = 10 000 000 nm. Inches are exact to
 * 4 decimals and centimetres to 7, so every comparison with a size limit is exact.
 */
import { ceilDiv, divideExactly, formatScaled, parseExactDecimal, roundDiv } from './decimal.ts';

export const LENGTH_UNITS = ['in', 'cm'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];

/** Integer nanometres. */
export type LengthNm = number;

export const NM_PER: Readonly<Record<LengthUnit, bigint>> = {
  in: 25_400_000n,
  cm: 10_000_000n,
};

/** Upper bound for one side the station accepts at all (10 m). */
export const MAX_LENGTH_NM: LengthNm = 10_000_000_000;

export function lengthFromDecimal(text: string, unit: LengthUnit): LengthNm | null {
  const d = parseExactDecimal(text);
  if (!d) return null;
  const nm = divideExactly(d.digits * NM_PER[unit], 10n ** BigInt(d.scale));
  if (nm === null || nm > BigInt(MAX_LENGTH_NM) || nm < 0n) return null;
  return Number(nm);
}

export function formatLength(length: LengthNm, unit: LengthUnit, decimals: number): string {
  return formatScaled(roundDiv(BigInt(length) * 10n ** BigInt(decimals), NM_PER[unit]), decimals);
}

/** Whole units rounded up (carriers round each dimension up to a whole inch). */
export function ceilLengthToWhole(length: LengthNm, unit: LengthUnit): number {
  return Number(ceilDiv(BigInt(length), NM_PER[unit]));
}

export interface Dimensions {
  readonly length: LengthNm;
  readonly width: LengthNm;
  readonly height: LengthNm;
}

const DIMS_TEXT = /^\s*(\d*\.?\d+)\s*[x×*]\s*(\d*\.?\d+)\s*[x×*]\s*(\d*\.?\d+)\s*(in|cm)\s*$/i;

/** Parses "12x10x8in" or "30 x 25 x 20 cm". */
export function parseDimensionsText(text: string): { dims: Dimensions; unit: LengthUnit } | null {
  const m = DIMS_TEXT.exec(text);
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return null;
  const unit = m[4].toLowerCase() as LengthUnit;
  const length = lengthFromDecimal(m[1], unit);
  const width = lengthFromDecimal(m[2], unit);
  const height = lengthFromDecimal(m[3], unit);
  if (length === null || width === null || height === null) return null;
  return { dims: { length, width, height }, unit };
}
