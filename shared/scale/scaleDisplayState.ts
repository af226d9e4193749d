/**
 * What a scale's display shows at one moment: the input of every frame encoder (used by the simulators and tests).
 * `value` is already on the display step (a multiple of 10^-decimals of the unit; for 'lb-oz', of the ounce step).
 */
import type { MassQ, MassUnit } from '../units/mass.ts';

export interface ScaleDisplayState {
  /** Displayed mass in quanta; negative below zero. */
  readonly value: MassQ;
  readonly unit: MassUnit | 'lb-oz';
  /** Decimals shown in `unit` (for 'lb-oz': decimals of the ounces). */
  readonly decimals: number;
  readonly motion: boolean;
  /** Above capacity. */
  readonly overload: boolean;
  /** Below the zero range. */
  readonly underZero: boolean;
  readonly net: boolean;
}

export function displayState(partial: Partial<ScaleDisplayState> & Pick<ScaleDisplayState, 'value'>): ScaleDisplayState {
  return { unit: 'lb', decimals: 2, motion: false, overload: false, underZero: false, net: false, ...partial };
}
