/** Encodes NCI replies in the SCP-01, SCP-02 and SCP-12 shapes (for simulators and tests). See nciParser.ts. */
import { CR, ETX, LF, asciiBytes } from './asciiBytes.ts';
import { displayMagnitude } from './displayText.ts';
import { encodeNciStatus } from './nciStatusBytes.ts';
import type { ScaleDisplayState } from './scaleDisplayState.ts';

export const NCI_SHAPES = ['scp01', 'scp02', 'scp12'] as const;
export type NciShape = (typeof NCI_SHAPES)[number];

const UNIT_TEXT = { lb: 'LB', kg: 'KG', oz: 'OZ', g: 'G' } as const;

function statusText(state: ScaleDisplayState): string {
  return encodeNciStatus({
    motion: state.motion,
    atZero: state.value === 0 && !state.motion,
    underCapacity: state.underZero,
    overCapacity: state.overload,
    net: state.net,
  });
}

function weightField(state: ScaleDisplayState, shape: NciShape): string {
  const sign = state.value < 0 ? '-' : shape === 'scp12' ? ' ' : '';
  if (state.unit === 'lb-oz') {
    const totalSteps = BigInt(displayMagnitude(state.value, 'oz', state.decimals).replace('.', ''));
    const perPound = 16n * 10n ** BigInt(state.decimals);
    const oz = (totalSteps % perPound).toString().padStart(state.decimals + 2, '0');
    const ozText = state.decimals > 0 ? `${oz.slice(0, -state.decimals)}.${oz.slice(-state.decimals)}` : oz;
    return `${sign}${(totalSteps / perPound).toString().padStart(2, '0')}lb ${ozText}oz`;
  }
  const width = shape === 'scp12' ? 6 : 7;
  return `${sign}${displayMagnitude(state.value, state.unit, state.decimals, width)}${UNIT_TEXT[state.unit]}`;
}

/** Reply to "W": weight, unit and status bytes. */
export function encodeNciWeightReply(state: ScaleDisplayState, shape: NciShape): Uint8Array {
  const weight = asciiBytes(weightField(state, shape));
  const status = asciiBytes(statusText(state));
  if (shape === 'scp12') return Uint8Array.of(LF, ...weight, CR, ...status, ETX);
  const prefix = shape === 'scp02' ? [0x53] : [];
  return Uint8Array.of(LF, ...weight, CR, LF, ...prefix, ...status, CR, ETX);
}

/** Reply to "S" and "Z": status only. */
export function encodeNciStatusReply(state: ScaleDisplayState, shape: NciShape): Uint8Array {
  return Uint8Array.of(LF, ...(shape === 'scp02' ? [0x53] : []), ...asciiBytes(statusText(state)), CR, ETX);
}

/** Reply to an unrecognised command. */
export const NCI_UNRECOGNISED = Uint8Array.of(LF, 0x3f, CR, ETX);
