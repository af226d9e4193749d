/**
 * The station's clock for hold ages and date checks: station time (shared/rules/stationTime.ts) over the wall clock,
 * a monotonic clock and HQ's time learned at each sync, persisted in the station database so a restart keeps it.
 * The wall and monotonic clocks are injected (tests, faketime).
 */
import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { lastEventAt, readStationClock, writeStationClock } from '../db/queries/stationClock.ts';
import {
  DEFAULT_STATION_TIME_OPTIONS,
  advanceStationTime,
  blocksVerdicts,
  clockWarning,
  learnHqTime,
  persistedStationTime,
  resumedStationTime,
  type ClockWarning,
  type StationTimeOptions,
  type StationTimeState,
} from '../../shared/rules/stationTime.ts';

/** The default most the wall clock may differ from HQ's time before verdicts stop. */
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

/** Station time is written back at most this often while it only moves on (a jump or HQ's time is written at once). */
const SAVE_EVERY_MS = 10_000;

export interface StationClockDeps {
  readonly db: Database;
  readonly wall?: () => number;
  readonly mono?: () => number;
  readonly maxSkewMs?: number;
  readonly options?: StationTimeOptions;
  /** The earliest effectiveFrom of the station's rate cards (null: none); read at each check. */
  readonly earliestRateCardFrom?: () => number | null;
}

export interface StationClock {
  /** Station time now (epoch ms): never back, never by a jump of the wall clock. */
  now(): number;
  /** The wall clock now (what events are stamped with). */
  wall(): number;
  /** HQ's time as read from a sync answer's Date header, received now. */
  learnHqTime(hqTime: number): void;
  /** What is wrong with the clock, for the worker; null when nothing. */
  warning(): ClockWarning | null;
  /** The warning when it must stop verdicts (skewed from HQ, before every rate card); null otherwise. */
  verdictBlocker(): ClockWarning | null;
  state(): StationTimeState;
}

export function createStationClock(deps: StationClockDeps): StationClock {
  const wall = deps.wall ?? Date.now;
  const mono = deps.mono ?? (() => performance.now());
  const options = deps.options ?? DEFAULT_STATION_TIME_OPTIONS;
  const maxSkewMs = deps.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  let state = resumedStationTime(readStationClock(deps.db), wall(), lastEventAt(deps.db));
  let saved = state.trustedAt;
  const save = () => {
    writeStationClock(deps.db, persistedStationTime(state));
    saved = state.trustedAt;
  };
  const sample = () => ({ wall: wall(), mono: mono() });
  state = advanceStationTime(state, sample(), options);
  save();

  const clock: StationClock = {
    now() {
      const before = state;
      state = advanceStationTime(state, sample(), options);
      if (state.trustedAt - saved >= SAVE_EVERY_MS || state.jumpMs !== before.jumpMs) save();
      return state.trustedAt;
    },
    wall,
    learnHqTime(hqTime) {
      state = learnHqTime(state, hqTime, sample());
      save();
    },
    warning() {
      clock.now();
      return clockWarning({ state, wall: wall(), maxSkewMs, earliestRateCardFrom: deps.earliestRateCardFrom?.() ?? null });
    },
    verdictBlocker() {
      const w = clock.warning();
      return blocksVerdicts(w) ? w : null;
    },
    state: () => state,
  };
  return clock;
}
