/**
 * Whether a parcel card's weight and the live scale readout agree, for the warning on the card. Pure; the screen
 * calls it with the intake view's weight, the latest `weight` event and the station settings
 * (autoCaptureEmptyBelowG, autoCaptureChangeToleranceG, converted with massFromDecimal(…, 'g')).
 *   agrees   — the live weight is within the tolerance of the card's weight
 *   differs  — a weight beyond the tolerance is on the platform: the card may not be this parcel's weight
 *   empty    — the platform is empty (isEmptyPlatform: the parcel was taken off, normal once it is weighed)
 *   moving   — the scale is not steady (motion, overload, under zero): nothing to compare yet
 */
import { massFromDecimal, type MassQ } from '../units/mass.ts';
import type { ScaleReading } from './reading.ts';

export type WeightAgreement = 'agrees' | 'differs' | 'empty' | 'moving';

export interface WeightAgreementLimits {
  readonly emptyBelow: MassQ;
  readonly changeTolerance: MassQ;
}

/** The limits from the station settings' whole grams (autoCaptureEmptyBelowG, autoCaptureChangeToleranceG). */
export function limitsFromGrams(emptyBelowG: number, changeToleranceG: number): WeightAgreementLimits {
  const grams = (g: number): MassQ => {
    const q = Number.isInteger(g) && g >= 0 ? massFromDecimal(String(g), 'g') : null;
    if (q === null) throw new RangeError(`${g} g is not a whole number of grams`);
    return q;
  };
  return { emptyBelow: grams(emptyBelowG), changeTolerance: grams(changeToleranceG) };
}

/**
 * The platform is empty: the scale says zero (which it only does when steady), or it is steady below the threshold.
 * Motion and under zero never count: a swinging platform passes near and below zero while one parcel is swapped for
 * another.
 */
export function isEmptyPlatform(reading: Pick<ScaleReading, 'value' | 'status'>, emptyBelow: MassQ): boolean {
  return reading.status === 'zero' || (reading.status === 'stable' && reading.value < emptyBelow);
}

export function weightAgreement(cardMass: MassQ, live: Pick<ScaleReading, 'value' | 'status'>, limits: WeightAgreementLimits): WeightAgreement {
  if (isEmptyPlatform(live, limits.emptyBelow)) return 'empty';
  if (live.status !== 'stable') return 'moving';
  return Math.abs(live.value - cardMass) > limits.changeTolerance ? 'differs' : 'agrees';
}
