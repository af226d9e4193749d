/**
 * When a measured weight is "far" from the declared one: more than `percent` of the declared weight AND more than
 * `floor` apart (so a 0.3 lb envelope is not flagged for a 0.1 lb difference). Inside the tolerance is inclusive.
 * A mismatch is only FLAGged for inspection; it never holds or returns a parcel by itself.
 */
import { z } from 'zod';
import { parseExactDecimal } from '../units/decimal.ts';
import type { MassQ } from '../units/mass.ts';
import { MassAmountSchema, massOf } from './amounts.ts';

export const WeightToleranceSchema = z.object({
  percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as 10 or 12.5'),
  floor: MassAmountSchema,
});
export type WeightTolerance = z.infer<typeof WeightToleranceSchema>;

export const DEFAULT_WEIGHT_TOLERANCE: WeightTolerance = { percent: '10', floor: { value: '0.5', unit: 'lb' } };

export function isWeightMismatch(measured: MassQ, declared: MassQ, tolerance: WeightTolerance): boolean {
  const diff = BigInt(Math.abs(measured - declared));
  const floor = BigInt(massOf(tolerance.floor.value, tolerance.floor.unit));
  const pct = parseExactDecimal(tolerance.percent);
  if (pct === null) return false;
  // diff > declared × digits / (100 × 10^scale), cross-multiplied to stay exact.
  const overPercent = diff * 100n * 10n ** BigInt(pct.scale) > BigInt(declared) * pct.digits;
  return overPercent && diff > floor;
}
