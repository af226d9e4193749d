/**
 * A deterministic model of a platform scale for simulators: a load is placed or removed, the display swings for
 * `motionMs` (motion flag on, values converging on the load), then settles on the load rounded to the display step.
 * Pure: every answer is a function of the calls made and the `now` passed in.
 */
import { roundDiv } from '../../units/decimal.ts';
import { massFromSteps, type MassQ, type MassUnit } from '../../units/mass.ts';
import type { ScaleDisplayState } from '../scaleDisplayState.ts';

export interface ScaleModelOptions {
  readonly unit?: MassUnit | 'lb-oz';
  /** Decimals of the display unit (for lb-oz: of the ounces). */
  readonly decimals?: number;
  /** Above this the scale shows overload. */
  readonly capacity?: MassQ;
  /** How long the display moves after a load change. */
  readonly motionMs?: number;
}

export interface ScaleModel {
  /** Puts a load on the platform (replaces the current one). */
  place(load: MassQ, now: number): void;
  /** Empties the platform. */
  remove(now: number): void;
  /** Zeroes the scale if stable; returns whether it did. */
  zero(now: number): boolean;
  /** Takes the current gross as tare if stable; returns the tare or null. */
  tare(now: number): MassQ | null;
  clearTare(): void;
  display(now: number): ScaleDisplayState;
  readonly unit: MassUnit | 'lb-oz';
  readonly decimals: number;
}

export function createScaleModel(options: ScaleModelOptions = {}): ScaleModel {
  const unit = options.unit ?? 'lb';
  const decimals = options.decimals ?? 2;
  const stepUnit: MassUnit = unit === 'lb-oz' ? 'oz' : unit;
  const step = massFromSteps(1, -decimals, stepUnit);
  if (step === null || step <= 0) throw new RangeError(`no exact display step for ${decimals} decimals of ${unit}`);
  const capacity = options.capacity ?? (massFromSteps(150, 0, 'lb') ?? 0);
  const motionMs = options.motionMs ?? 600;
  let load: MassQ = 0;
  let previous: MassQ = 0;
  let changedAt = Number.NEGATIVE_INFINITY;
  let zeroOffset: MassQ = 0;
  let tareValue: MassQ = 0;

  const onStep = (mass: number): MassQ => Number(roundDiv(BigInt(Math.round(mass)), BigInt(step)) * BigInt(step));
  const moving = (now: number) => now - changedAt < motionMs;

  function grossShown(now: number): MassQ {
    const gross = load - zeroOffset;
    if (!moving(now)) return onStep(gross);
    // Damped swing from the previous load towards the new one; deterministic in (now - changedAt).
    const t = (now - changedAt) / motionMs;
    const swing = Math.cos((now - changedAt) / 45) * (1 - t);
    return onStep(gross + (previous - load) * swing);
  }

  return {
    unit,
    decimals,
    place(newLoad, now) {
      previous = load;
      load = newLoad;
      changedAt = now;
    },
    remove(now) {
      previous = load;
      load = 0;
      changedAt = now;
    },
    zero(now) {
      if (moving(now)) return false;
      zeroOffset = load;
      tareValue = 0;
      return true;
    },
    tare(now) {
      if (moving(now)) return null;
      tareValue = grossShown(now);
      return tareValue;
    },
    clearTare() {
      tareValue = 0;
    },
    display(now) {
      const gross = grossShown(now);
      const value = gross - tareValue;
      return {
        value: value === 0 ? 0 : value,
        unit,
        decimals,
        motion: moving(now),
        overload: load - zeroOffset > capacity,
        underZero: false,
        net: tareValue !== 0,
      };
    },
  };
}
