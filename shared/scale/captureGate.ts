/**
 * Decides when the station takes the scale's weight for a parcel, without I/O: feed it every reading and indication
 * with the clock time, and it reports a capture once the scale has reported `stable`, a weight above zero, and the
 * same weight (within `toleranceSteps` display steps) for at least `settleMs` of continuous observation.
 * Motion, overload, under zero, not-ready and faults are passed through as `blocked` and never captured; a gap in
 * observation longer than `maxGapMs` (poll lost, scale disconnected) restarts the hold.
 * After a capture the gate is latched on that weight: jiggling back to the same weight does not capture again; an
 * empty platform (zero) unlatches, and a different settled weight is a new capture (the station decides whether it
 * replaces the parcel's weight). `rearm()` unlatches explicitly, e.g. when a new parcel is started.
 * Line integrity (issue 14, item 7): on protocols without a checksum a corrupted frame can still parse (7.40 lb for a
 * 2.40 lb parcel). So a held weight must also keep the framing of the frames before it (the same display step and
 * gross/net mode), and a frame the parser rejected (`feedFrameError`) restarts the hold: nothing is captured until
 * the line has been clean for `errorQuietMs` (default 1000 ms) and the weight has then held for the settle time.
 */
import type { MassQ } from '../units/mass.ts';
import type { ScaleReading } from './reading.ts';
import type { ScaleCondition, ScaleIndication } from './scaleIndication.ts';

export interface CaptureGateOptions {
  /** How long the same stable weight must be observed before capture. */
  readonly settleMs: number;
  /** Longest silence between two observations that still counts as continuous (default 1000 ms). */
  readonly maxGapMs?: number;
  /** Display steps the weight may wander while held (default 0: exactly the same weight). */
  readonly toleranceSteps?: number;
  /** How long the line must be free of rejected frames before a weight may be captured (default 1000 ms). */
  readonly errorQuietMs?: number;
}

export interface WeightCapture {
  readonly value: MassQ;
  readonly unit: ScaleReading['unit'];
  readonly resolution: MassQ;
  readonly mode: ScaleReading['mode'];
  /** When the weight was first seen stable. */
  readonly heldSince: number;
  readonly capturedAt: number;
}

export type CaptureGateState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'blocked'; readonly condition: ScaleCondition | 'noScale' }
  | { readonly kind: 'settling'; readonly value: MassQ; readonly since: number; readonly remainingMs: number }
  | { readonly kind: 'captured'; readonly capture: WeightCapture };

export interface CaptureGateUpdate {
  readonly state: CaptureGateState;
  /** Present exactly once per capture. */
  readonly captured?: WeightCapture;
}

export interface CaptureGate {
  feedReading(reading: ScaleReading, now: number): CaptureGateUpdate;
  feedIndication(indication: ScaleIndication, now: number): CaptureGateUpdate;
  /** The parser rejected a frame (noise, malformed, bad checksum …) at `now`: the hold restarts. */
  feedFrameError(now: number): CaptureGateUpdate;
  /** The scale stopped talking (disconnected, stopped): nothing held survives. */
  interrupt(): CaptureGateUpdate;
  /** Forget the latch so the same weight may be captured again (new parcel). */
  rearm(): void;
  /**
   * Forget the latch and start the hold again at `now`: a weight already on the platform is captured only once it
   * has held for the settle time after `now` (a new parcel was scanned: its weight must settle after its scan).
   */
  restartHold(now: number): void;
  state(): CaptureGateState;
}

interface Candidate {
  readonly value: MassQ;
  readonly unit: ScaleReading['unit'];
  /** The framing the weight came in: its display step and gross/net mode must not change while it holds. */
  readonly resolution: MassQ;
  readonly mode: ScaleReading['mode'];
  readonly since: number;
}

export function createCaptureGate(options: CaptureGateOptions): CaptureGate {
  const maxGapMs = options.maxGapMs ?? 1000;
  const toleranceSteps = options.toleranceSteps ?? 0;
  const errorQuietMs = options.errorQuietMs ?? 1000;
  if (!(options.settleMs >= 0) || !(maxGapMs > 0) || !(toleranceSteps >= 0) || !(errorQuietMs >= 0)) throw new RangeError('invalid capture gate options');
  let lastErrorAt: number | null = null;
  let candidate: Candidate | null = null;
  let latched: WeightCapture | null = null;
  let lastSeenAt: number | null = null;
  let current: CaptureGateState = { kind: 'idle' };

  const set = (state: CaptureGateState, captured?: WeightCapture): CaptureGateUpdate => {
    current = state;
    return captured === undefined ? { state } : { state, captured };
  };

  function observe(now: number): void {
    if (lastSeenAt !== null && now - lastSeenAt > maxGapMs) candidate = null;
    lastSeenAt = now;
  }

  function feedReading(reading: ScaleReading, now: number): CaptureGateUpdate {
    observe(now);
    if (reading.status === 'motion' || reading.status === 'overload' || reading.status === 'underZero') {
      candidate = null;
      return set({ kind: 'blocked', condition: reading.status });
    }
    if (reading.status === 'zero' || reading.value <= 0) {
      candidate = null;
      latched = null;
      return set({ kind: 'idle' });
    }
    const tolerance = toleranceSteps * reading.resolution;
    const same = (a: MassQ, b: MassQ) => Math.abs(a - b) <= tolerance;
    const framingChanged = (c: Candidate) => c.unit !== reading.unit || c.resolution !== reading.resolution || c.mode !== reading.mode;
    if (candidate === null || framingChanged(candidate) || !same(candidate.value, reading.value)) {
      candidate = { value: reading.value, unit: reading.unit, resolution: reading.resolution, mode: reading.mode, since: now };
    }
    if (latched !== null && latched.unit === reading.unit && same(latched.value, reading.value)) {
      return set({ kind: 'captured', capture: latched });
    }
    const heldMs = now - candidate.since;
    const quietMs = lastErrorAt === null ? Number.POSITIVE_INFINITY : now - lastErrorAt;
    if (heldMs < options.settleMs || quietMs < errorQuietMs) {
      const remainingMs = Math.max(options.settleMs - heldMs, errorQuietMs - quietMs);
      return set({ kind: 'settling', value: reading.value, since: candidate.since, remainingMs });
    }
    const capture: WeightCapture = {
      value: reading.value,
      unit: reading.unit,
      resolution: reading.resolution,
      mode: reading.mode,
      heldSince: candidate.since,
      capturedAt: now,
    };
    latched = capture;
    return set({ kind: 'captured', capture }, capture);
  }

  function feedIndication(indication: ScaleIndication, now: number): CaptureGateUpdate {
    observe(now);
    candidate = null;
    return set({ kind: 'blocked', condition: indication.condition });
  }

  return {
    feedReading,
    feedIndication,
    feedFrameError(now) {
      observe(now);
      lastErrorAt = now;
      candidate = null;
      return set(current.kind === 'captured' ? current : { kind: 'idle' });
    },
    interrupt() {
      candidate = null;
      lastSeenAt = null;
      return set({ kind: 'blocked', condition: 'noScale' });
    },
    rearm() {
      latched = null;
    },
    restartHold(now) {
      latched = null;
      if (candidate !== null) candidate = { ...candidate, since: Math.max(candidate.since, now) };
    },
    state: () => current,
  };
}
