/**
 * Weights and sizes as slips print them, from the exact integers (never floats): the unit the parcel was weighed in
 * first, the other system second ("3.20 lb" / "1.45 kg"); sizes in the unit they were entered in.
 */
import { formatMass, type MassQ, type MassUnit } from '../units/mass.ts';
import { formatLength, type LengthNm, type LengthUnit } from '../units/length.ts';

export function weightTexts(mass: MassQ, weighedIn: MassUnit): { primary: string; secondary: string } {
  const lb = `${formatMass(mass, 'lb', 2)} lb`;
  const kg = `${formatMass(mass, 'kg', 2)} kg`;
  return weighedIn === 'kg' || weighedIn === 'g' ? { primary: kg, secondary: lb } : { primary: lb, secondary: kg };
}

function side(length: LengthNm, unit: LengthUnit): string {
  return formatLength(length, unit, 1).replace(/\.0$/, '');
}

/** "12 x 10 x 8 in", "30.5 x 25 x 20 cm". Plain "x": every printer font has it. */
export function sizeText(dims: { length: LengthNm; width: LengthNm; height: LengthNm; unit: LengthUnit }): string {
  return `${side(dims.length, dims.unit)} x ${side(dims.width, dims.unit)} x ${side(dims.height, dims.unit)} ${dims.unit}`;
}
