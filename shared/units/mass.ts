/**
 * Mass as an exact integer in a base unit chosen so that every unit the station meets is an exact integer
 * at the resolutions scales report:
 *
 *   1 MASS_QUANTUM = 1/16 ng (62.5 pg)
 *   1 g  = 16 000 000 000 quanta          (kg and g exact to 9 decimals of a gram)
 *   1 lb = 453.59237 g = 7 257 477 920 000 quanta   (exact to 4 decimals of a pound)
 *   1 oz = 1/16 lb     =   453 592 370 000 quanta   (exact to 4 decimals of an ounce)
 *
 * Number.MAX_SAFE_INTEGER quanta is about 562 kg, far above any parcel scale's capacity, so masses stay plain
 * numbers (JSON- and SQLite-friendly) and every comparison against a limit is exact.
 */
import { ceilDiv, divideExactly, formatScaled, parseExactDecimal, roundDiv } from './decimal.ts';

export const MASS_UNITS = ['lb', 'kg', 'oz', 'g'] as const;
export type MassUnit = (typeof MASS_UNITS)[number];

/** Integer count of mass quanta (1/16 ng). */
export type MassQ = number;

export const QUANTA_PER: Readonly<Record<MassUnit, bigint>> = {
  g: 16_000_000_000n,
  kg: 16_000_000_000_000n,
  lb: 7_257_477_920_000n,
  oz: 453_592_370_000n,
};

/** Upper bound for a mass the station accepts at all (500 kg). */
export const MAX_MASS_Q: MassQ = 500 * Number(QUANTA_PER.kg);

function toSafe(q: bigint): MassQ | null {
  if (q > BigInt(MAX_MASS_Q) || q < -BigInt(MAX_MASS_Q)) return null;
  return Number(q);
}

/**
 * Exact mass of a decimal amount in a unit ("44.01", "lb"). Returns null if the text is not a decimal, has more
 * decimals than the unit can hold exactly, or is out of range.
 */
export function massFromDecimal(text: string, unit: MassUnit): MassQ | null {
  const d = parseExactDecimal(text);
  if (!d) return null;
  const q = divideExactly(d.digits * QUANTA_PER[unit], 10n ** BigInt(d.scale));
  return q === null ? null : toSafe(q);
}

/** Exact mass of an integer count of a resolution step: (steps × 10^exponent) unit, e.g. 1234 × 10^-2 lb. */
export function massFromSteps(steps: number, exponent: number, unit: MassUnit): MassQ | null {
  if (!Number.isInteger(steps) || !Number.isInteger(exponent)) return null;
  const num = BigInt(steps) * QUANTA_PER[unit] * (exponent > 0 ? 10n ** BigInt(exponent) : 1n);
  const q = exponent < 0 ? divideExactly(num, 10n ** BigInt(-exponent)) : num;
  return q === null ? null : toSafe(q);
}

/** Mass in `unit`, rounded half away from zero to `decimals` places, as a decimal string ("3.20"). */
export function formatMass(mass: MassQ, unit: MassUnit, decimals: number): string {
  const scaled = roundDiv(BigInt(mass) * 10n ** BigInt(decimals), QUANTA_PER[unit]);
  return formatScaled(scaled, decimals);
}

/** Mass as pounds and ounces ("3 lb 3.2 oz"), ounces rounded to `ozDecimals`. */
export function formatLbOz(mass: MassQ, ozDecimals = 1): string {
  const negative = mass < 0;
  const totalOzScaled = roundDiv(BigInt(Math.abs(mass)) * 10n ** BigInt(ozDecimals), QUANTA_PER.oz);
  const perLb = 16n * 10n ** BigInt(ozDecimals);
  const lb = totalOzScaled / perLb;
  const oz = totalOzScaled % perLb;
  return `${negative ? '-' : ''}${lb} lb ${formatScaled(oz, ozDecimals)} oz`;
}

/** Whole units, rounded up (e.g. billable whole pounds). */
export function ceilToWhole(mass: MassQ, unit: MassUnit): number {
  return Number(ceilDiv(BigInt(mass), QUANTA_PER[unit]));
}

/** Approximate value for display-only arithmetic (charts, sorting). Never use for a limit or a price. */
export function massToApproxNumber(mass: MassQ, unit: MassUnit): number {
  return mass / Number(QUANTA_PER[unit]);
}

const MASS_TEXT = /^\s*([+-]?\d*\.?\d+)\s*(lb|lbs|kg|oz|g)\s*$/i;

/** Parses "3.2lb", "1.45 kg", "12 oz", "900g". Returns null if the text is not one of these. */
export function parseMassText(text: string): { mass: MassQ; unit: MassUnit } | null {
  const m = MASS_TEXT.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const raw = m[2].toLowerCase();
  const unit: MassUnit = raw === 'lbs' ? 'lb' : (raw as MassUnit);
  const mass = massFromDecimal(m[1], unit);
  return mass === null ? null : { mass, unit };
}
