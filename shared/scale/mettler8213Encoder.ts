/** Encodes Mettler Toledo 8213/8217 replies (for simulators and tests). Layout: see mettler8213Parser.ts. */
import type { MassUnit } from '../units/mass.ts';
import { CR, STX, asciiBytes } from './asciiBytes.ts';
import { displayMagnitude } from './displayText.ts';
import type { ScaleDisplayState } from './scaleDisplayState.ts';

export interface Mettler8213StatusFlags {
  readonly motion?: boolean;
  readonly overload?: boolean;
  readonly underZero?: boolean;
  readonly outsideZeroRange?: boolean;
  readonly atZero?: boolean;
  readonly net?: boolean;
}

/** The status character after '?': bit 6 always set. */
export function mettler8213StatusByte(flags: Mettler8213StatusFlags): number {
  return (
    0x40 |
    (flags.motion ? 0x01 : 0) |
    (flags.overload ? 0x02 : 0) |
    (flags.underZero ? 0x04 : 0) |
    (flags.outsideZeroRange ? 0x08 : 0) |
    (flags.atZero ? 0x10 : 0) |
    (flags.net ? 0x20 : 0)
  );
}

export function encodeMettler8213Status(flags: Mettler8213StatusFlags): Uint8Array {
  return Uint8Array.of(STX, 0x3f, mettler8213StatusByte(flags), CR);
}

/** Reply to W: the weight when stable and in range, otherwise the status frame (as the scale does). */
export function encodeMettler8213WeightReply(state: ScaleDisplayState & { readonly unit: MassUnit }): Uint8Array {
  const underZero = state.underZero || state.value < 0;
  if (state.motion || state.overload || underZero) {
    return encodeMettler8213Status({ motion: state.motion, overload: state.overload, underZero, net: state.net });
  }
  const text = `${displayMagnitude(state.value, state.unit, state.decimals, state.decimals > 0 ? state.decimals + 4 : 3)}${state.net ? 'N' : ''}`;
  return Uint8Array.of(STX, ...asciiBytes(text), CR);
}
