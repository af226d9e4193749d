/** Encodes HID POS scale input reports (for simulators and tests). See hidPosReport.ts. */
import type { MassUnit } from '../units/mass.ts';
import { displaySteps } from './displayText.ts';
import type { ScaleDisplayState } from './scaleDisplayState.ts';

const UNIT_CODES: Readonly<Record<MassUnit, number>> = { g: 2, kg: 3, oz: 11, lb: 12 };

export function encodeHidScaleReport(state: ScaleDisplayState & { readonly unit: MassUnit }, reportId = 3): Uint8Array {
  const steps = displaySteps(state.value, state.unit, state.decimals);
  const status = state.overload ? 6 : state.underZero || steps < 0 ? 5 : state.motion ? 3 : steps === 0 ? 2 : 4;
  const raw = status === 5 || status === 6 ? 0 : steps;
  if (raw > 0xffff) throw new RangeError('HID scale weight field is 16 bits');
  return Uint8Array.of(reportId, status, UNIT_CODES[state.unit], (-state.decimals) & 0xff, raw & 0xff, raw >> 8);
}
