import { describe, expect, it } from 'vitest';
import { createWeightInterlock } from '../../../shared/scale/weightInterlock.ts';
import { limitsFromGrams, weightAgreement } from '../../../shared/scale/weightAgreement.ts';
import { interlockHarness, LIMITS, SETTLE_MS } from './interlockHarness.ts';
import { lb, place, remove, STEP, wait, type PlatformAction } from './platformScript.ts';

const values = (captures: ReadonlyArray<{ value: number }>) => captures.map((c) => c.value);

describe('weight interlock', () => {
  it('takes a parcel put on after its scan, once it has settled, with the reading it came from', () => {
    const h = interlockHarness();
    const id = h.scan();
    const [capture, ...more] = h.act(place('6.50'));
    expect(more).toEqual([]);
    expect(capture).toMatchObject({ parcelId: id, cause: 'first', value: lb('6.50'), object: 1 });
    const source = h.ticks.find((t) => t.at === capture!.capturedAt)!;
    expect(capture!.readingAt).toBe(source.reading.at);
    expect(capture!.readingSeq).toBe(h.ticks.indexOf(source) + 1);
    expect(capture!.capturedAt - capture!.heldSince).toBeGreaterThanOrEqual(SETTLE_MS);
  });

  it('takes a parcel put on before its scan only after it has settled again after the scan', () => {
    const h = interlockHarness();
    h.act(place('3.00', 20));
    expect(h.captures).toEqual([]);
    const id = h.scan();
    const [capture] = h.act(wait(10));
    expect(capture).toMatchObject({ parcelId: id, value: lb('3.00') });
    expect(capture!.heldSince).toBeGreaterThanOrEqual(h.scannedAt.get(id)!);
  });

  it('never takes the previous parcel left on the platform for the next label; it takes the next after an empty platform', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('6.50'));
    h.decide();
    const second = h.scan();
    expect(h.act(wait(30))).toEqual([]);
    expect(h.interlock.state().kind).toBe('previousLoad');
    expect(h.act(remove())).toEqual([]);
    expect(h.interlock.state().kind).toBe('watching');
    expect(h.act(place('46.20'))).toMatchObject([{ parcelId: second, value: lb('46.20'), cause: 'first', object: 2 }]);
  });

  it('takes the next parcel swapped in without an empty platform when its weight is clearly different', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('6.50'));
    h.decide();
    const second = h.scan();
    expect(h.act(place('46.20'))).toMatchObject([{ parcelId: second, value: lb('46.20') }]);
  });

  it('does not take a swapped-in parcel of the same weight (within the tolerance) without an empty platform', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('6.50'));
    h.decide();
    h.scan();
    expect(h.act(place('6.55'), wait(20))).toEqual([]);
    expect(h.interlock.state().kind).toBe('previousLoad');
  });

  it('takes the same weight again for the next parcel after the platform was emptied', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('2.00'));
    h.decide();
    h.act(remove());
    const second = h.scan();
    expect(h.act(place('2.00'))).toMatchObject([{ parcelId: second, value: lb('2.00') }]);
  });

  it('a slow removal with short pauses is never a weight; the empty platform at its end counts', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('8.00'));
    h.decide();
    const second = h.scan();
    expect(h.act({ kind: 'slowRemove', steps: 6, pauseTicks: 4, zeroTicks: 3 })).toEqual([]);
    expect(h.act(place('8.00'))).toMatchObject([{ parcelId: second, value: lb('8.00') }]);
  });

  it('a platform that stops short of empty (below the tolerance of the old weight, above the empty threshold) keeps the interlock closed', () => {
    const h = interlockHarness();
    h.scan();
    h.act(place('0.20'));
    h.decide();
    h.scan();
    // 0.10 lb (45 g) is neither empty (< 20 g) nor clearly different (> 50 g) from 0.20 lb.
    expect(h.act(place('0.10'), wait(20))).toEqual([]);
  });

  it('a jiggled platform is not a new weight, for the same parcel nor for the next', () => {
    const h = interlockHarness();
    const first = h.scan();
    const jiggle = (offsetSteps: -1 | 0 | 1): PlatformAction => ({ kind: 'jiggle', motionTicks: 3, offsetSteps, stableTicks: 10 });
    expect(values(h.act(place('5.00'), jiggle(1), jiggle(-1), jiggle(0)))).toEqual([lb('5.00')]);
    expect(h.captures[0]!.parcelId).toBe(first);
    h.decide();
    h.scan();
    expect(h.act(jiggle(1), jiggle(0), wait(10))).toEqual([]);
  });

  it('corrects a scale weight when the load changes beyond the tolerance, decided or not', () => {
    const h = interlockHarness();
    const id = h.scan();
    h.act(place('4.00'));
    expect(h.act(place('4.50'))).toMatchObject([{ parcelId: id, cause: 'correction', value: lb('4.50') }]);
    h.decide();
    expect(h.act(place('5.10'))).toMatchObject([{ parcelId: id, cause: 'correction', value: lb('5.10') }]);
  });

  it('an undecided parcel taken off and put back heavier is corrected; a decided one taken off is done with the scale', () => {
    const h = interlockHarness();
    const id = h.scan();
    h.act(place('3.00'));
    expect(h.act(remove(), place('4.00'))).toMatchObject([{ parcelId: id, cause: 'correction', value: lb('4.00') }]);
    h.decide();
    expect(h.act(remove(), place('7.00'))).toEqual([]);
    const next = h.scan();
    expect(h.act(wait(10))).toMatchObject([{ parcelId: next, cause: 'first', value: lb('7.00') }]);
  });

  it('a platform swinging through zero while one load is swapped for another is not an empty platform', () => {
    const h = interlockHarness();
    const id = h.scan();
    h.act(place('46.20'));
    h.decide();
    // The swap's swing passes zero and below in motion, as the simulated scale's damped swing does.
    expect(h.act({ kind: 'swing', through: [lb('20.00'), 0, -lb('5.00'), lb('1.00')] }, place('3.10'))).toMatchObject([{ parcelId: id, cause: 'correction', value: lb('3.10') }]);
    expect(weightAgreement(lb('3.10'), { value: 0, status: 'motion' }, LIMITS)).toBe('moving');
  });

  it('never replaces a typed weight and takes nothing for a printed parcel', () => {
    const h = interlockHarness();
    h.scan();
    h.typeWeight();
    expect(h.act(place('9.00'), place('12.00'))).toEqual([]);
    const printed = interlockHarness();
    printed.scan();
    printed.act(place('2.00'));
    printed.decide();
    printed.print();
    expect(printed.act(place('3.00'))).toEqual([]);
  });

  it('admits a button press only for a load that is not the previous parcel still on the platform', () => {
    const h = interlockHarness();
    const first = h.scan();
    expect(h.interlock.admits(first, lb('6.50'))).toBe('ok');
    h.act(place('6.50'));
    h.decide();
    const second = h.scan();
    expect(h.interlock.admits(second, lb('6.52'))).toBe('previousLoad');
    expect(h.interlock.admits(second, lb('9.00'))).toBe('ok');
    h.act(remove());
    expect(h.interlock.admits(second, lb('6.50'))).toBe('ok');
  });

  it('takes nothing without an open parcel', () => {
    const h = interlockHarness();
    expect(h.act(place('2.00', 30))).toEqual([]);
    expect(h.interlock.state().kind).toBe('noParcel');
  });

  it('a capture the station could not store does not count as taken', () => {
    const interlock = createWeightInterlock({ settleMs: 0, ...LIMITS });
    const reading = (v: string) => ({ value: lb(v), unit: 'lb' as const, resolution: STEP, status: 'stable' as const, mode: 'gross' as const, at: 0 });
    interlock.setParcel({ id: 'A', weighing: 'awaiting' }, 0);
    const first = interlock.feedReading(reading('2.00'), 1, 10).captured!;
    interlock.setParcel({ id: 'A', weighing: 'scale', mass: first.value }, 10);
    interlock.setParcel({ id: 'A', weighing: 'decided', mass: first.value }, 10);
    const next = interlock.feedReading(reading('3.00'), 2, 20).captured!;
    expect(next.cause).toBe('correction');
    interlock.captureFailed(next);
    // The platform still holds 3.00 lb, which was never stored: after it is lifted and put back it is taken again.
    interlock.feedReading({ ...reading('3.00'), status: 'motion' }, 3, 30);
    expect(interlock.feedReading(reading('3.00'), 4, 40).captured).toMatchObject({ cause: 'correction', value: lb('3.00') });
  });

  it('reads changed settings at once, and refuses nonsensical ones', () => {
    let settleMs = 0;
    const interlock = createWeightInterlock(() => ({ settleMs, ...LIMITS }));
    const reading = { value: lb('2.00'), unit: 'lb' as const, resolution: STEP, status: 'stable' as const, mode: 'gross' as const, at: 0 };
    interlock.setParcel({ id: 'A', weighing: 'awaiting' }, 0);
    settleMs = 500;
    expect(interlock.feedReading(reading, 1, 100).captured).toBeUndefined();
    expect(interlock.feedReading(reading, 2, 600).captured).toMatchObject({ heldSince: 100, capturedAt: 600 });
    expect(() => createWeightInterlock({ settleMs: 0, emptyBelow: -1, changeTolerance: 0 })).toThrow(RangeError);
  });
});

describe('weight agreement (the card warning)', () => {
  const limits = limitsFromGrams(20, 50);
  it('tells agree, differ, empty and moving apart', () => {
    expect(weightAgreement(lb('6.50'), { value: lb('6.52'), status: 'stable' }, limits)).toBe('agrees');
    expect(weightAgreement(lb('6.50'), { value: lb('46.20'), status: 'stable' }, limits)).toBe('differs');
    expect(weightAgreement(lb('6.50'), { value: lb('0.02'), status: 'stable' }, limits)).toBe('empty');
    expect(weightAgreement(lb('6.50'), { value: 0, status: 'zero' }, limits)).toBe('empty');
    expect(weightAgreement(lb('6.50'), { value: lb('9.00'), status: 'motion' }, limits)).toBe('moving');
  });
  it('refuses grams that are not whole', () => {
    expect(() => limitsFromGrams(0.5, 50)).toThrow(RangeError);
  });
});
