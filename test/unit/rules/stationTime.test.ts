import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_STATION_TIME_OPTIONS,
  advanceStationTime,
  blocksVerdicts,
  clockWarning,
  learnHqTime,
  persistedStationTime,
  resumedStationTime,
  type StationTimeState,
} from '../../../shared/rules/stationTime.ts';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const { maxDriftMs } = DEFAULT_STATION_TIME_OPTIONS;

/** Runs samples through station time from a fresh state linked at mono 0. */
function run(samples: ReadonlyArray<{ wall: number; mono: number }>, start: StationTimeState = advanceStationTime(resumedStationTime(null, T0, null), { wall: T0, mono: 0 })) {
  let s = start;
  const seen: number[] = [];
  for (const sample of samples) {
    s = advanceStationTime(s, sample);
    seen.push(s.trustedAt);
  }
  return { state: s, seen };
}

describe('station time', () => {
  it('follows a wall clock that moves with the monotonic clock', () => {
    const { state } = run([{ wall: T0 + 1000, mono: 1000 }, { wall: T0 + 60_000, mono: 60_000 }]);
    expect(state.trustedAt).toBe(T0 + 60_000);
    expect(state.jumpMs).toBe(0);
  });

  it('M1: a wall clock jumping 40 days ahead ages by the 20 s that really passed, and says so', () => {
    const { state } = run([{ wall: T0 + 10_000, mono: 10_000 }, { wall: T0 + 40 * DAY, mono: 20_000 }]);
    expect(state.trustedAt).toBe(T0 + 20_000);
    expect(state.jumpMs).toBeGreaterThan(39 * DAY);
    const w = clockWarning({ state, wall: T0 + 40 * DAY, maxSkewMs: 300_000, earliestRateCardFrom: null });
    expect(w?.problem).toBe('JUMPED');
    expect(w?.message).toMatch(/moved forward by 40 days/);
    // After the jump it keeps following the (jumped) wall clock at its real pace, behind it by the jump.
    const later = advanceStationTime(state, { wall: T0 + 40 * DAY + 5000, mono: 25_000 });
    expect(later.trustedAt).toBe(T0 + 25_000);
  });

  it('after a restart the time the station was off is not counted until HQ confirms it', () => {
    const before = run([{ wall: T0 + 5000, mono: 5000 }]).state;
    const persisted = persistedStationTime(before);
    // Restarted with the wall clock 40 days on (wrong or real: only HQ can tell).
    let s = resumedStationTime(persisted, T0 + 40 * DAY, null);
    s = advanceStationTime(s, { wall: T0 + 40 * DAY, mono: 0 });
    s = advanceStationTime(s, { wall: T0 + 40 * DAY + 30_000, mono: 30_000 });
    expect(s.trustedAt).toBe(T0 + 35_000);
    // HQ says only 2 days passed: the offset corrects the wall clock from then on.
    s = learnHqTime(s, T0 + 2 * DAY, { wall: T0 + 40 * DAY + 30_000, mono: 30_000 });
    expect(s.trustedAt).toBe(T0 + 2 * DAY);
    s = advanceStationTime(s, { wall: T0 + 40 * DAY + 90_000, mono: 90_000 });
    expect(s.trustedAt).toBe(T0 + 2 * DAY + 60_000);
    expect(clockWarning({ state: s, wall: T0 + 40 * DAY, maxSkewMs: 300_000, earliestRateCardFrom: null })?.problem).toBe('SKEWED_FROM_HQ');
  });

  it('a clock set back before the last event is a jump back; station time stays at the last event', () => {
    let s = resumedStationTime(null, T0 - 10 * DAY, T0);
    s = advanceStationTime(s, { wall: T0 - 10 * DAY, mono: 0 });
    expect(s.trustedAt).toBe(T0);
    expect(s.jumpMs).toBeLessThan(-9 * DAY);
  });

  it('M2: a clock before every rate card blocks verdicts; a jump alone only warns', () => {
    const state = run([]).state;
    const early = clockWarning({ state, wall: T0, maxSkewMs: 300_000, earliestRateCardFrom: T0 + DAY });
    expect(early?.problem).toBe('BEFORE_RATE_CARDS');
    expect(blocksVerdicts(early)).toBe(true);
    expect(clockWarning({ state, wall: T0, maxSkewMs: 300_000, earliestRateCardFrom: T0 - DAY })).toBeNull();
    const jumped = run([{ wall: T0 + 10 * DAY, mono: 1000 }]).state;
    expect(blocksVerdicts(clockWarning({ state: jumped, wall: T0 + 10 * DAY, maxSkewMs: 300_000, earliestRateCardFrom: null }))).toBe(false);
  });

  it('never goes back and never gains more than monotonic time (plus the drift allowed per step), whatever the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ wallStep: fc.integer({ min: -60 * DAY, max: 60 * DAY }), monoStep: fc.integer({ min: 0, max: 3_600_000 }), hq: fc.option(fc.integer({ min: -DAY, max: DAY }), { nil: null }) }), { maxLength: 60 }),
        (steps) => {
          let s = advanceStationTime(resumedStationTime(null, T0, null), { wall: T0, mono: 0 });
          let wall = T0;
          let mono = 0;
          let floor = s.trustedAt;
          for (const step of steps) {
            wall += step.wallStep;
            mono += step.monoStep;
            const prev = s.trustedAt;
            if (step.hq !== null) {
              // HQ is the authority: station time moves up to HQ's (real time plus its small error) and never back.
              const hqTime = T0 + mono + step.hq;
              s = learnHqTime(s, hqTime, { wall, mono });
              expect(s.trustedAt).toBe(Math.max(prev, hqTime));
              floor = s.trustedAt;
            } else {
              s = advanceStationTime(s, { wall, mono });
              expect(s.trustedAt).toBeGreaterThanOrEqual(prev);
              expect(s.trustedAt - prev).toBeLessThanOrEqual(step.monoStep + maxDriftMs);
            }
            expect(s.trustedAt).toBeGreaterThanOrEqual(floor);
            floor = s.trustedAt;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
