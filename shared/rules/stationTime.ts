/**
 * Station time: the clock hold ages are measured with (issue 14, M1/M2). Pure; the caller feeds samples of the wall
 * clock and of a monotonic clock, and HQ's time when a sync answer carries it.
 *   - It never goes back.
 *   - Within one process it follows the wall clock (corrected by HQ's offset) only while the wall clock moves with the
 *     monotonic clock; when the wall clock jumps it advances by monotonic time alone and records the jump.
 *   - After a restart there is no monotonic link to the past, so the time the station was off is not counted until
 *     HQ's time confirms it at the next sync: a wall clock set 40 days ahead never ages a hold by 40 days.
 *   - HQ's time (learned at every sync) is the authority: station time moves up to it, and the offset between HQ
 *     and the wall clock is kept to correct later samples.
 */

export interface StationTimeState {
  /** The station time last handed out (epoch ms). */
  readonly trustedAt: number;
  /** The monotonic reading (ms) at trustedAt; null when there is no link (after a restart). */
  readonly monoAt: number | null;
  /** How far station time is behind the HQ-corrected wall clock: time not yet confirmed (down time, refused jumps). */
  readonly lagMs: number;
  /** HQ's time minus the wall clock, learned at the last sync; null when never learned. */
  readonly hqOffsetMs: number | null;
  /** When HQ's time was last learned (HQ's time); null when never. */
  readonly hqLearnedAt: number | null;
  /** The last wall-clock jump refused since HQ last confirmed the time (ms, signed); 0 when none. */
  readonly jumpMs: number;
}

/** What is kept across restarts (electron/db/queries/stationClock.ts). */
export type PersistedStationTime = Pick<StationTimeState, 'trustedAt' | 'hqOffsetMs' | 'hqLearnedAt' | 'jumpMs'>;

export interface ClockSample {
  readonly wall: number;
  readonly mono: number;
}

export interface StationTimeOptions {
  /** How far the wall clock may drift from monotonic time between two samples before it counts as a jump. */
  readonly maxDriftMs: number;
}

export const DEFAULT_STATION_TIME_OPTIONS: StationTimeOptions = { maxDriftMs: 120_000 };

/**
 * The state at start: what was persisted (or, for a new station, the wall clock), never before the last event. The
 * monotonic link is made at the first sample.
 */
export function resumedStationTime(persisted: PersistedStationTime | null, wall: number, lastEventAt: number | null): StationTimeState {
  const floor = lastEventAt ?? Number.NEGATIVE_INFINITY;
  if (persisted === null) return { trustedAt: Math.max(wall, floor), monoAt: null, lagMs: 0, hqOffsetMs: null, hqLearnedAt: null, jumpMs: 0 };
  return { ...persisted, trustedAt: Math.max(persisted.trustedAt, floor), monoAt: null, lagMs: 0 };
}

/** The wall clock corrected by what HQ taught. */
export function correctedWall(state: Pick<StationTimeState, 'hqOffsetMs'>, wall: number): number {
  return wall + (state.hqOffsetMs ?? 0);
}

/** Station time at a sample; returns the new state (its trustedAt is the answer). */
export function advanceStationTime(state: StationTimeState, sample: ClockSample, options: StationTimeOptions = DEFAULT_STATION_TIME_OPTIONS): StationTimeState {
  const corrected = correctedWall(state, sample.wall);
  if (state.monoAt === null) {
    // No monotonic link (a restart): keep the time we had; the gap waits for HQ to confirm it. A clock before the
    // last known time is a jump back.
    const gap = corrected - state.trustedAt;
    return { ...state, monoAt: sample.mono, lagMs: gap, jumpMs: gap < -options.maxDriftMs ? gap : state.jumpMs };
  }
  const monoDelta = Math.max(0, sample.mono - state.monoAt);
  const candidate = corrected - state.lagMs;
  const wallDelta = candidate - state.trustedAt;
  if (Math.abs(wallDelta - monoDelta) <= options.maxDriftMs) {
    return { ...state, trustedAt: Math.max(state.trustedAt, candidate), monoAt: sample.mono };
  }
  // The wall clock jumped: age by monotonic time only, and remember how far the wall clock is off now.
  const byMono = state.trustedAt + monoDelta;
  return { ...state, trustedAt: byMono, monoAt: sample.mono, lagMs: corrected - byMono, jumpMs: wallDelta - monoDelta };
}

/** HQ's time learned from a sync answer received at `sample`: the offset is kept and station time moves up to HQ's. */
export function learnHqTime(state: StationTimeState, hqTime: number, sample: ClockSample): StationTimeState {
  const trustedAt = Math.max(state.trustedAt, hqTime);
  return { trustedAt, monoAt: sample.mono, lagMs: hqTime - trustedAt, hqOffsetMs: hqTime - sample.wall, hqLearnedAt: hqTime, jumpMs: 0 };
}

export function persistedStationTime(state: StationTimeState): PersistedStationTime {
  return { trustedAt: state.trustedAt, hqOffsetMs: state.hqOffsetMs, hqLearnedAt: state.hqLearnedAt, jumpMs: state.jumpMs };
}

export const CLOCK_PROBLEMS = ['SKEWED_FROM_HQ', 'BEFORE_RATE_CARDS', 'JUMPED'] as const;
export type ClockProblem = (typeof CLOCK_PROBLEMS)[number];

export interface ClockCheckInput {
  readonly state: StationTimeState;
  readonly wall: number;
  /** The most the wall clock may differ from HQ's time. */
  readonly maxSkewMs: number;
  /** The earliest effectiveFrom of every rate card on the station; null when there is none. */
  readonly earliestRateCardFrom: number | null;
}

export interface ClockWarning {
  readonly problem: ClockProblem;
  readonly message: string;
}

const days = (ms: number) => Math.round(Math.abs(ms) / 86_400_000);
const minutes = (ms: number) => Math.round(Math.abs(ms) / 60_000);
const size = (ms: number) => (Math.abs(ms) >= 86_400_000 ? `${days(ms)} days` : `${minutes(ms)} minutes`);

/** What is wrong with this station's clock, in plain words for the worker; null when nothing. */
export function clockWarning(input: ClockCheckInput): ClockWarning | null {
  const { state, wall, maxSkewMs, earliestRateCardFrom } = input;
  if (state.hqOffsetMs !== null && Math.abs(state.hqOffsetMs) > maxSkewMs) {
    const way = state.hqOffsetMs < 0 ? 'ahead of' : 'behind';
    return { problem: 'SKEWED_FROM_HQ', message: `This computer's clock is ${size(state.hqOffsetMs)} ${way} HQ's time. Ask IT to set the date and time; until then parcels cannot be decided.` };
  }
  if (earliestRateCardFrom !== null && wall < earliestRateCardFrom) {
    return { problem: 'BEFORE_RATE_CARDS', message: "This computer's clock is set before every rate card starts. Ask IT to set the date and time; until then parcels cannot be decided." };
  }
  if (state.jumpMs !== 0) {
    const way = state.jumpMs > 0 ? 'forward' : 'back';
    return { problem: 'JUMPED', message: `This computer's clock moved ${way} by ${size(state.jumpMs)}. Holds are aged by the time that really passed; ask IT to check the date and time.` };
  }
  return null;
}

/** Whether a clock warning must stop verdicts (a verdict depends on the date through the rate card in force). */
export function blocksVerdicts(warning: ClockWarning | null): boolean {
  return warning !== null && warning.problem !== 'JUMPED';
}
