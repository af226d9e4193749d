/** Encodes MT-SICS replies (for simulators and tests). Layout: see mtSicsParser.ts. */
import type { MassUnit } from '../units/mass.ts';
import { asciiBytes } from './asciiBytes.ts';
import { displayMagnitude } from './displayText.ts';
import type { ScaleDisplayState } from './scaleDisplayState.ts';

export type SicsDisplayState = ScaleDisplayState & { readonly unit: MassUnit };

export function sicsLine(text: string): Uint8Array {
  return asciiBytes(`${text}\r\n`);
}

/** "S S     100.00 g": the weight right-aligned in a 10-character field. */
export function sicsWeightText(state: SicsDisplayState): string {
  const sign = state.value < 0 ? '-' : '';
  return `${sign}${displayMagnitude(state.value, state.unit, state.decimals)}`.padStart(10, ' ') + ` ${state.unit}`;
}

/** Reply to S (stable only: "S I" while moving) or SI (immediate: "S D" while moving). */
export function encodeSicsWeightReply(state: SicsDisplayState, command: 'S' | 'SI'): Uint8Array {
  if (state.overload) return sicsLine('S +');
  if (state.underZero) return sicsLine('S -');
  if (state.motion) return command === 'S' ? sicsLine('S I') : sicsLine(`S D ${sicsWeightText(state)}`);
  return sicsLine(`S S ${sicsWeightText(state)}`);
}
