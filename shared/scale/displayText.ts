/** Decimal text of a display value for encoders: magnitude only, padded with leading zeros to `width`. */
import { formatMass, type MassUnit } from '../units/mass.ts';

export function displayMagnitude(value: number, unit: MassUnit, decimals: number, width = 0): string {
  return formatMass(Math.abs(value), unit, decimals).padStart(width, '0');
}

/** Integer count of display steps (10^-decimals unit) of a display value, sign included. */
export function displaySteps(value: number, unit: MassUnit, decimals: number): number {
  const text = formatMass(value, unit, decimals).replace('.', '');
  return Number.parseInt(text, 10);
}
