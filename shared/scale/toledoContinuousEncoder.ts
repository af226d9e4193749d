/** Encodes Toledo Continuous frames (for simulators and tests). Layout: see toledoContinuousParser.ts. */
import type { MassUnit } from '../units/mass.ts';
import { CR, STX, asciiBytes } from './asciiBytes.ts';
import { displaySteps } from './displayText.ts';
import type { ScaleDisplayState } from './scaleDisplayState.ts';
import { TOLEDO_FULL_FORMAT, toledoChecksum, type ToledoContinuousFormat } from './toledoContinuousFormat.ts';

export interface ToledoEncodeOptions {
  readonly format?: ToledoContinuousFormat;
  /** Tare field value in display steps. */
  readonly tareSteps?: number;
  /** Increment code: 1 → ×1, 2 → ×2, 3 → ×5. */
  readonly incrementCode?: 1 | 2 | 3;
  readonly notZeroed?: boolean;
  readonly expandedDisplay?: boolean;
}

export type ToledoDisplayState = ScaleDisplayState & { readonly unit: Exclude<MassUnit, 'oz'> };

export function encodeToledoContinuousFrame(state: ToledoDisplayState, options: ToledoEncodeOptions = {}): Uint8Array {
  const format = options.format ?? TOLEDO_FULL_FORMAT;
  if (state.decimals < 0 || state.decimals > 5) throw new RangeError('Toledo Continuous shows 0–5 decimals');
  const pointCode = state.decimals + 2;
  const swa = 0x20 | ((options.incrementCode ?? 1) << 3) | pointCode;
  const negative = state.value < 0;
  const swb =
    0x20 |
    (state.net ? 0x01 : 0) |
    (negative ? 0x02 : 0) |
    (state.overload || state.underZero ? 0x04 : 0) |
    (state.motion ? 0x08 : 0) |
    (state.unit === 'kg' ? 0x10 : 0) |
    (options.notZeroed ? 0x40 : 0);
  const swc = 0x20 | (state.unit === 'g' ? 0x01 : 0) | (options.expandedDisplay ? 0x10 : 0);
  const steps = Math.abs(displaySteps(state.value, state.unit, state.decimals));
  const digits = (n: number) => String(Math.min(n, 999_999)).padStart(6, '0');
  const body = [STX, swa, swb, swc, ...asciiBytes(digits(steps)), ...(format.tareField ? asciiBytes(digits(options.tareSteps ?? 0)) : []), CR];
  return Uint8Array.from(format.checksum ? [...body, toledoChecksum(body, 0, body.length)] : body);
}
