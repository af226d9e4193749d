/**
 * A weight written as decimal text in a frame ("001.25", "-0.120", ".5") → exact mass and the display step implied
 * by its number of decimals. Uses only the conversions of shared/units/mass.ts.
 */
import { massFromDecimal, massFromSteps, type MassQ, type MassUnit } from '../units/mass.ts';
import type { FrameRejectCode } from './scaleParseEvent.ts';

export type DecimalWeight =
  | { readonly ok: true; readonly value: MassQ; readonly resolution: MassQ; readonly decimals: number }
  | { readonly ok: false; readonly code: FrameRejectCode };

const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.(\d+))?|\.(\d+))$/;
/** Longest number text accepted; scale fields are at most 8 characters, this only bounds the BigInt work. */
const MAX_TEXT = 16;

export function decimalWeight(text: string, unit: MassUnit): DecimalWeight {
  if (text.length > MAX_TEXT) return { ok: false, code: 'malformed' };
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return { ok: false, code: 'malformed' };
  const decimals = (m[1] ?? m[2] ?? '').length;
  const value = massFromDecimal(text, unit);
  const resolution = massFromSteps(1, -decimals, unit);
  if (value === null || resolution === null) return { ok: false, code: 'unrepresentable' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value, resolution, decimals };
}
