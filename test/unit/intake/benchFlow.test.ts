/**
 * The pure bench flow: what the open parcel needs next, against the state machine it sits on. Sequences of bench
 * actions (fast-check) show that the flow never asks for a step the machine refuses, that following it decides a
 * parcel in at most three steps, and that a scan may open the next parcel exactly when the machine lets the open one
 * finish.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benchStep, openParcelRefusal, readyToDecide, scanMayOpenNext, type BenchParcel, type BenchStep } from '../../../shared/intake/benchFlow.ts';
import { INTAKE_ACTIONS, nextIntakeState, type IntakeAction } from '../../../shared/intake/intakeMachine.ts';
import { TERMINAL_STATES } from '../../../shared/intake/intakeStates.ts';

/** The parcel after an action, as the station core records it (weigh sets the weight, setDimensions the size). */
function apply(parcel: BenchParcel, action: IntakeAction): BenchParcel | null {
  const next = nextIntakeState(parcel.state, action);
  if (next === null) return null;
  if (action === 'scan') return { state: next, weighed: false, measured: false };
  return { state: next, weighed: parcel.weighed || action === 'weigh', measured: parcel.measured || action === 'setDimensions' };
}

/** The action the bench performs for a step (what the worker, the scale or the screen does). */
const ACTION_OF: Readonly<Record<BenchStep, IntakeAction>> = { scan: 'scan', weigh: 'weigh', measure: 'setDimensions', decide: 'decide', putAway: 'finish' };

const parcels = fc.array(fc.constantFrom(...INTAKE_ACTIONS), { maxLength: 12 }).map((actions) => {
  let parcel: BenchParcel = { state: 'idle', weighed: false, measured: false };
  for (const action of actions) parcel = apply(parcel, action) ?? parcel;
  return parcel;
});

describe('bench flow', () => {
  it('never asks for a step the state machine refuses, whatever happened before', () => {
    fc.assert(fc.property(parcels, fc.boolean(), (parcel, sizeRequired) => {
      const step = benchStep(parcel, { sizeRequired });
      expect(nextIntakeState(parcel.state, ACTION_OF[step])).not.toBeNull();
    }));
  });

  it('following the flow from any parcel reaches a decision within three steps (weigh, measure, decide)', () => {
    fc.assert(fc.property(parcels, fc.boolean(), (start, sizeRequired) => {
      let parcel = start;
      for (let i = 0; i < 3 && !['putAway', 'scan'].includes(benchStep(parcel, { sizeRequired })); i++) {
        parcel = apply(parcel, ACTION_OF[benchStep(parcel, { sizeRequired })]) ?? parcel;
      }
      expect(['putAway', 'scan']).toContain(benchStep(parcel, { sizeRequired }));
    }));
  });

  it('a scan may open the next parcel exactly when no parcel is open or the open one may finish', () => {
    fc.assert(fc.property(parcels, fc.boolean(), (parcel, sizeRequired) => {
      const mayFinish = TERMINAL_STATES.has(parcel.state) || nextIntakeState(parcel.state, 'finish') !== null;
      expect(scanMayOpenNext(parcel, { sizeRequired })).toBe(mayFinish);
    }));
  });

  it('decides as soon as nothing is missing: after the size, or after the weight when the warehouse needs no size', () => {
    const weighed: BenchParcel = { state: 'weighed', weighed: true, measured: false };
    expect(readyToDecide(weighed, { sizeRequired: true })).toBe(false);
    expect(benchStep(weighed, { sizeRequired: true })).toBe('measure');
    expect(readyToDecide(weighed, { sizeRequired: false })).toBe(true);
    expect(readyToDecide({ ...weighed, measured: true }, { sizeRequired: true })).toBe(true);
    // Measured before the weight came: still waits for the scale.
    expect(benchStep({ state: 'scanned', weighed: false, measured: true }, { sizeRequired: true })).toBe('weigh');
    expect(readyToDecide(null, { sizeRequired: false })).toBe(false);
  });

  it('words a refused scan by what is missing, with what to do, and no state names', () => {
    const words = (['weigh', 'measure', 'decide'] as const).map((step) => openParcelRefusal('1Z4E81W20370000156', step));
    expect(words[0]).toMatch(/no weight yet\. Put it on the scale/);
    expect(words[1]).toMatch(/needs its size\. Type its length, width and height/);
    expect(new Set(words).size).toBe(3);
    for (const text of words) {
      expect(text).toContain('1Z4E81W20370000156');
      expect(text).toMatch(/then scan the next parcel/);
      expect(text).not.toMatch(/\b(scanned|weighed|decided|INVALID_STATE)\b/);
    }
  });
});
