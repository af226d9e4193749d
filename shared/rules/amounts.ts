/**
 * Decimal amounts as they appear in reference documents ("44" lb, "0.5" kg, "59" in): plain decimal text plus a
 * unit, checked to convert EXACTLY into the station's integer units (shared/units). No floating point anywhere.
 */
import { z } from 'zod';
import { LENGTH_UNITS, lengthFromDecimal, type LengthNm, type LengthUnit } from '../units/length.ts';
import { MASS_UNITS, massFromDecimal, type MassQ, type MassUnit } from '../units/mass.ts';

/** Non-negative plain decimal text, e.g. "44", "0.5", "8.5". */
export const DecimalTextSchema = z.string().regex(/^\d{1,7}(\.\d{1,12})?$/, 'a plain decimal such as 44 or 0.5');

export const MassAmountSchema = z
  .object({ value: DecimalTextSchema, unit: z.enum(MASS_UNITS) })
  .refine((m) => massFromDecimal(m.value, m.unit) !== null, 'not an exact mass in that unit (too many decimals or too large)');
export type MassAmount = z.infer<typeof MassAmountSchema>;

export const LengthAmountSchema = z
  .object({ value: DecimalTextSchema, unit: z.enum(LENGTH_UNITS) })
  .refine((l) => lengthFromDecimal(l.value, l.unit) !== null, 'not an exact length in that unit (too many decimals or too large)');
export type LengthAmount = z.infer<typeof LengthAmountSchema>;

/** Exact mass of a validated amount. Only call on values that passed the schema. */
export function massOf(value: string, unit: MassUnit): MassQ {
  const mass = massFromDecimal(value, unit);
  if (mass === null) throw new RangeError(`${value} ${unit} is not an exact mass (the schema should have refused it)`);
  return mass;
}

/** Exact length of a validated amount. Only call on values that passed the schema. */
export function lengthOf(value: string, unit: LengthUnit): LengthNm {
  const length = lengthFromDecimal(value, unit);
  if (length === null) throw new RangeError(`${value} ${unit} is not an exact length (the schema should have refused it)`);
  return length;
}
