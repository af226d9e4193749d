/**
 * Exact quantities as short text for traces and worker messages: trailing zeros trimmed ("3.2 lb", "4 lb"), or a
 * fixed number of decimals ("44.00 lb"). Rational values (a DIM weight) are rounded half up for display only.
 */
import { formatScaled, roundDiv } from '../units/decimal.ts';
import { NM_PER, type LengthNm, type LengthUnit } from '../units/length.ts';
import { QUANTA_PER, type MassQ, type MassUnit } from '../units/mass.ts';

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** num / den quanta in `unit`, at most `decimals` places, trailing zeros trimmed. */
export function rationalMassText(num: bigint, den: bigint, unit: MassUnit, decimals = 4): string {
  const scale = 10n ** BigInt(decimals);
  return `${trim(formatScaled(roundDiv(num * scale, den * QUANTA_PER[unit]), decimals))} ${unit}`;
}

export function massText(mass: MassQ, unit: MassUnit, decimals = 4): string {
  return rationalMassText(BigInt(mass), 1n, unit, decimals);
}

/** Fixed decimals, e.g. "44.00 lb" (worker messages). */
export function massFixed(mass: MassQ, unit: MassUnit, decimals = 2): string {
  return `${formatScaled(roundDiv(BigInt(mass) * 10n ** BigInt(decimals), QUANTA_PER[unit]), decimals)} ${unit}`;
}

export function lengthText(length: LengthNm, unit: LengthUnit, decimals = 4): string {
  const scale = 10n ** BigInt(decimals);
  return `${trim(formatScaled(roundDiv(BigInt(length) * scale, NM_PER[unit]), decimals))} ${unit}`;
}

export function lengthFixed(length: LengthNm, unit: LengthUnit, decimals = 1): string {
  return `${formatScaled(roundDiv(BigInt(length) * 10n ** BigInt(decimals), NM_PER[unit]), decimals)} ${unit}`;
}

/** Bare number of a length in `unit` (no unit suffix), trailing zeros trimmed. */
export function lengthNumber(length: LengthNm, unit: LengthUnit, decimals = 4): string {
  const scale = 10n ** BigInt(decimals);
  return trim(formatScaled(roundDiv(BigInt(length) * scale, NM_PER[unit]), decimals));
}
