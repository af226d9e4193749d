/**
 * Manual weight entry when no scale reading can be used: allowed only with a reason (the station audits it).
 * Pure validation; storage and audit are the station's.
 */
import { z } from 'zod';
import { MASS_UNITS, massFromDecimal, type MassQ, type MassUnit } from '../units/mass.ts';

export const ManualWeightInputSchema = z.object({
  text: z.string(),
  unit: z.enum(MASS_UNITS),
  reason: z.string(),
});
export type ManualWeightInput = z.infer<typeof ManualWeightInputSchema>;

export const MANUAL_WEIGHT_ERRORS = ['reasonRequired', 'invalidWeight', 'notPositive'] as const;
export type ManualWeightError = (typeof MANUAL_WEIGHT_ERRORS)[number];

/** Shortest reason accepted, after trimming ("scale broken" passes, "x" does not). */
export const MIN_REASON_LENGTH = 5;

export type ManualWeightResult =
  | { readonly ok: true; readonly value: MassQ; readonly unit: MassUnit; readonly reason: string }
  | { readonly ok: false; readonly error: ManualWeightError };

export function validateManualWeight(input: unknown): ManualWeightResult {
  const parsed = ManualWeightInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalidWeight' };
  const reason = parsed.data.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) return { ok: false, error: 'reasonRequired' };
  const value = massFromDecimal(parsed.data.text.trim(), parsed.data.unit);
  if (value === null) return { ok: false, error: 'invalidWeight' };
  if (value <= 0) return { ok: false, error: 'notPositive' };
  return { ok: true, value, unit: parsed.data.unit, reason };
}
