import { describe, expect, it } from 'vitest';
import { createCaptureGate, type CaptureGate } from '../../../shared/scale/captureGate.ts';
import type { ScaleReading, ScaleStatus } from '../../../shared/scale/reading.ts';
import { mass } from './scaleTestHelpers.ts';

const STEP = mass('0.01', 'lb');
const reading = (value: string, status: ScaleStatus = 'stable'): ScaleReading => ({ value: mass(value, 'lb'), unit: 'lb', resolution: STEP, status, mode: 'gross', at: 0 });

/** Feeds readings every `everyMs` from `start`, returns the captures made. */
function feedEvery(gate: CaptureGate, values: Array<[string, ScaleStatus?]>, start: number, everyMs: number) {
  return values.flatMap(([value, status], i) => {
    const update = gate.feedReading(reading(value, status), start + i * everyMs);
    return update.captured ? [{ value: update.captured.value, at: update.captured.capturedAt }] : [];
  });
}

describe('capture gate', () => {
  it('captures a stable weight above zero once it has held for the settle time, not before', () => {
    const gate = createCaptureGate({ settleMs: 500 });
    const captures = feedEvery(gate, Array.from({ length: 8 }, () => ['2.50'] as [string]), 1000, 100);
    expect(captures).toEqual([{ value: mass('2.5', 'lb'), at: 1500 }]);
    expect(gate.state()).toMatchObject({ kind: 'captured', capture: { heldSince: 1000, capturedAt: 1500 } });
  });

  it('reports settling with the time remaining', () => {
    const gate = createCaptureGate({ settleMs: 500 });
    gate.feedReading(reading('2.50'), 1000);
    expect(gate.feedReading(reading('2.50'), 1200).state).toEqual({ kind: 'settling', value: mass('2.5', 'lb'), since: 1000, remainingMs: 300 });
  });

  it('never captures during motion, overload or under zero, however long they last', () => {
    for (const status of ['motion', 'overload', 'underZero'] as const) {
      const gate = createCaptureGate({ settleMs: 100 });
      expect(feedEvery(gate, Array.from({ length: 50 }, () => ['2.50', status] as [string, ScaleStatus]), 0, 50)).toEqual([]);
      expect(gate.state()).toEqual({ kind: 'blocked', condition: status });
    }
  });

  it('restarts the hold when motion interrupts it', () => {
    const gate = createCaptureGate({ settleMs: 500 });
    const captures = feedEvery(gate, [['2.50'], ['2.50'], ['2.50'], ['2.50'], ['2.51', 'motion'], ['2.50'], ['2.50'], ['2.50'], ['2.50'], ['2.50'], ['2.50']], 0, 100);
    expect(captures).toEqual([{ value: mass('2.5', 'lb'), at: 1000 }]);
  });

  it('restarts the hold when the weight changes, and on indications without weight', () => {
    const gate = createCaptureGate({ settleMs: 300 });
    gate.feedReading(reading('2.50'), 0);
    gate.feedReading(reading('2.50'), 200);
    expect(gate.feedReading(reading('2.52'), 300).state).toMatchObject({ kind: 'settling', since: 300 });
    expect(gate.feedIndication({ condition: 'motion', at: 0 }, 400).state).toEqual({ kind: 'blocked', condition: 'motion' });
    expect(gate.feedReading(reading('2.52'), 500).state).toMatchObject({ kind: 'settling', since: 500 });
    expect(gate.feedReading(reading('2.52'), 800).captured?.value).toBe(mass('2.52', 'lb'));
  });

  it('never captures zero or an empty platform', () => {
    const gate = createCaptureGate({ settleMs: 0 });
    expect(feedEvery(gate, [['0.00', 'zero'], ['0.00'], ['0.00', 'stable']], 0, 100)).toEqual([]);
    expect(gate.state()).toEqual({ kind: 'idle' });
  });

  it('restarts the hold after a gap in observation (lost polls, disconnect)', () => {
    const gate = createCaptureGate({ settleMs: 500, maxGapMs: 400 });
    gate.feedReading(reading('2.50'), 0);
    expect(gate.feedReading(reading('2.50'), 1000).captured).toBeUndefined();
    expect(gate.feedReading(reading('2.50'), 1300).captured).toBeUndefined();
    expect(gate.feedReading(reading('2.50'), 1500).captured?.heldSince).toBe(1000);
    const other = createCaptureGate({ settleMs: 500 });
    other.feedReading(reading('2.50'), 0);
    expect(other.interrupt().state).toEqual({ kind: 'blocked', condition: 'noScale' });
    expect(other.feedReading(reading('2.50'), 600).captured).toBeUndefined();
  });

  it('does not capture the same weight again after a jiggle, but does after the platform was emptied or on rearm', () => {
    const gate = createCaptureGate({ settleMs: 200 });
    expect(feedEvery(gate, [['2.50'], ['2.50'], ['2.50'], ['2.50', 'motion'], ['2.50'], ['2.50'], ['2.50'], ['2.50']], 0, 100)).toHaveLength(1);
    expect(gate.state().kind).toBe('captured');
    // Next parcel with the same weight: the scale goes through zero.
    expect(feedEvery(gate, [['0.00', 'zero'], ['2.50', 'motion'], ['2.50'], ['2.50'], ['2.50']], 1000, 100)).toHaveLength(1);
    gate.rearm();
    expect(feedEvery(gate, [['2.50'], ['2.50'], ['2.50']], 2000, 100)).toHaveLength(1);
  });

  it('captures a different settled weight after a capture (the station decides whether it replaces the first)', () => {
    const gate = createCaptureGate({ settleMs: 200 });
    const captures = feedEvery(gate, [['2.50'], ['2.50'], ['2.50'], ['3.10', 'motion'], ['3.10'], ['3.10'], ['3.10']], 0, 100);
    expect(captures.map((c) => c.value)).toEqual([mass('2.5', 'lb'), mass('3.1', 'lb')]);
  });

  it('tolerates a wandering last digit only when asked to', () => {
    const values: Array<[string]> = [['2.50'], ['2.51'], ['2.50'], ['2.51'], ['2.50'], ['2.51'], ['2.50']];
    expect(feedEvery(createCaptureGate({ settleMs: 300 }), values, 0, 100)).toEqual([]);
    expect(feedEvery(createCaptureGate({ settleMs: 300, toleranceSteps: 1 }), values, 0, 100)).toHaveLength(1);
  });

  it('restartHold makes a weight already on the platform hold again for the settle time from that moment', () => {
    const gate = createCaptureGate({ settleMs: 300 });
    expect(feedEvery(gate, [['2.50'], ['2.50'], ['2.50'], ['2.50']], 0, 100)).toEqual([{ value: mass('2.5', 'lb'), at: 300 }]);
    gate.restartHold(450);
    expect(feedEvery(gate, [['2.50'], ['2.50'], ['2.50'], ['2.50']], 500, 100)).toEqual([{ value: mass('2.5', 'lb'), at: 800 }]);
    expect(gate.state()).toMatchObject({ kind: 'captured', capture: { heldSince: 450 } });
  });

  it('refuses nonsensical options', () => {
    expect(() => createCaptureGate({ settleMs: -1 })).toThrow(RangeError);
    expect(() => createCaptureGate({ settleMs: Number.NaN })).toThrow(RangeError);
  });
});
