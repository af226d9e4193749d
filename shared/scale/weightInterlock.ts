/**
 * The weight interlock, pure: which settled weight counts for which parcel. The capture gate (captureGate.ts) says
 * when a weight has settled; the interlock decides whether that weight may be taken for the open parcel:
 *  - it must have settled after the parcel was scanned (the hold restarts at the scan), and
 *  - since the previous capture the platform must have been empty (isEmptyPlatform: zero, or steady below
 *    `emptyBelow`; a swinging platform passing near zero does not count), or the weight
 *    must differ from the previous capture by more than `changeTolerance`: a parcel left on the platform is never
 *    weighed again for the next label.
 * After a parcel's weight is taken from the scale, a settled weight that differs by more than the tolerance is a
 * correction for the same parcel (once it is decided, only with no empty platform in between: see ParcelWeighing).
 * A weight typed by hand is never replaced, and a locked parcel (printed) takes no correction. The station feeds
 * it readings, the open parcel and the outcome of each capture; it does the storing.
 */
import type { MassQ } from '../units/mass.ts';
import { createCaptureGate, type CaptureGate, type CaptureGateState, type WeightCapture } from './captureGate.ts';
import type { ScaleReading } from './reading.ts';
import type { ScaleIndication } from './scaleIndication.ts';
import { isEmptyPlatform } from './weightAgreement.ts';

export interface WeightInterlockOptions {
  readonly settleMs: number;
  /** A reading below this mass is an empty platform. */
  readonly emptyBelow: MassQ;
  /** Two settled weights further apart than this are different loads. */
  readonly changeTolerance: MassQ;
  readonly maxGapMs?: number;
}

/**
 * Where the open parcel stands, as the interlock needs it:
 *   awaiting — scanned, no weight yet;
 *   scale    — weighed from the scale, not decided: any different settled weight corrects it (the next parcel
 *              cannot be scanned before this one is decided, so a new load on the platform is this parcel);
 *   decided  — weighed from the scale and decided: a different settled weight corrects it only with no empty
 *              platform in between (after an empty platform the new load is the next parcel, put on before its scan);
 *   typed    — weighed by hand: never overwritten by the scale;
 *   locked   — printed: takes no more weights.
 */
export type ParcelWeighing = 'awaiting' | 'scale' | 'decided' | 'typed' | 'locked';

export interface InterlockParcel {
  readonly id: string;
  readonly weighing: ParcelWeighing;
  /** The parcel's stored weight when `weighing` is 'scale' (taken on a button press, or before a restart). */
  readonly mass?: MassQ;
}

/** A weight taken for a parcel, with the reading it came from. */
export interface InterlockCapture extends WeightCapture {
  readonly parcelId: string;
  /** 'first': the parcel's weight; 'correction': the load changed after its weight was taken. */
  readonly cause: 'first' | 'correction';
  /** The station's number of the reading that completed the hold. */
  readonly readingSeq: number;
  /** The scale's time stamp of that reading. */
  readonly readingAt: number;
}

export type InterlockState =
  | { readonly kind: 'noParcel'; readonly gate: CaptureGateState }
  /** The settled weight is the one already taken before this parcel: take it off and put the parcel on. */
  | { readonly kind: 'previousLoad'; readonly gate: CaptureGateState }
  | { readonly kind: 'watching'; readonly gate: CaptureGateState };

export interface InterlockUpdate {
  readonly state: InterlockState;
  /** Present exactly when a weight is to be taken for the parcel. */
  readonly captured?: InterlockCapture;
}

export interface WeightInterlock {
  /** The station's open parcel changed (scanned, weighed, printed, closed); `now` is when the station learnt it. */
  setParcel(parcel: InterlockParcel | null, now: number): void;
  feedReading(reading: ScaleReading, seq: number, now: number): InterlockUpdate;
  feedIndication(indication: ScaleIndication, now: number): InterlockUpdate;
  /** The scale's parser rejected a frame: no weight is taken until the line is clean again (captureGate.ts). */
  frameError(now: number): InterlockUpdate;
  interrupt(): InterlockUpdate;
  /**
   * Whether a steady `mass` on the platform may be taken for parcel `parcelId` now (the worker pressed "capture from
   * scale"): 'previousLoad' when the parcel waits for its weight and `mass` is the load already taken before it, with
   * no empty platform since.
   */
  admits(parcelId: string, mass: MassQ): 'ok' | 'previousLoad';
  /**
   * The station could not store `capture` (e.g. disk full): it does not count as taken, and the same load is
   * offered again once it has been moved (lifted and put back) and has settled again.
   */
  captureFailed(capture: InterlockCapture): void;
  state(): InterlockState;
}

interface Taken {
  readonly parcelId: string;
  readonly value: MassQ;
}

/**
 * `options` is read at every reading, so changed station settings apply at once: a new settle time restarts the
 * hold of the weight on the platform (it never shortens it), and what was taken before is kept.
 */
export function createWeightInterlock(options: WeightInterlockOptions | (() => WeightInterlockOptions)): WeightInterlock {
  const current = typeof options === 'function' ? options : () => options;
  const checked = (): WeightInterlockOptions => {
    const o = current();
    if (!(o.emptyBelow >= 0) || !(o.changeTolerance >= 0)) throw new RangeError('invalid weight interlock options');
    return o;
  };
  const gateFor = (o: WeightInterlockOptions) => ({ settleMs: o.settleMs, maxGapMs: o.maxGapMs ?? 1000 });
  let gateOptions = gateFor(checked());
  let gate: CaptureGate = createCaptureGate(gateOptions);
  /** The gate for the options of the moment (a new gate when the settle time or gap changed). */
  const liveGate = (o: WeightInterlockOptions): CaptureGate => {
    const wanted = gateFor(o);
    if (wanted.settleMs !== gateOptions.settleMs || wanted.maxGapMs !== gateOptions.maxGapMs) {
      gateOptions = wanted;
      gate = createCaptureGate(wanted);
    }
    return gate;
  };
  let parcel: InterlockParcel | null = null;
  /** The last weight taken from the platform (for any parcel), and the one before it (restored if storing fails). */
  let taken: Taken | null = null;
  let takenBefore: { taken: Taken | null; emptied: boolean } | null = null;
  /** The platform was empty at some reading since `taken`. */
  let emptied = false;
  let previousLoad = false;
  /** A capture failed to store: the same load is offered again once it has moved and settled again. */
  let retryAfterMotion = false;

  const differs = (a: MassQ, b: MassQ) => Math.abs(a - b) > current().changeTolerance;
  const state = (): InterlockState => {
    const g = gate.state();
    if (parcel === null) return { kind: 'noParcel', gate: g };
    return previousLoad ? { kind: 'previousLoad', gate: g } : { kind: 'watching', gate: g };
  };
  const update = (captured?: InterlockCapture): InterlockUpdate => (captured ? { state: state(), captured } : { state: state() });

  /** Whether the settled weight `settled` is taken for the open parcel, and as what. */
  function judge(settled: WeightCapture): 'first' | 'correction' | null {
    if (parcel === null) return null;
    if (parcel.weighing === 'awaiting') {
      const fresh = taken === null || emptied || differs(settled.value, taken.value);
      previousLoad = !fresh;
      return fresh ? 'first' : null;
    }
    const correctable = parcel.weighing === 'scale' || (parcel.weighing === 'decided' && !emptied);
    if (correctable && taken !== null && taken.parcelId === parcel.id && differs(settled.value, taken.value)) return 'correction';
    return null;
  }

  function take(settled: WeightCapture, cause: 'first' | 'correction', reading: ScaleReading, seq: number): InterlockCapture {
    const parcelId = (parcel as InterlockParcel).id;
    takenBefore = { taken, emptied };
    taken = { parcelId, value: settled.value };
    emptied = false;
    previousLoad = false;
    return { ...settled, parcelId, cause, readingSeq: seq, readingAt: reading.at };
  }

  return {
    setParcel(next, now) {
      if (next !== null && next.id !== parcel?.id) {
        gate.restartHold(now);
        previousLoad = false;
      }
      parcel = next;
      if ((next?.weighing === 'scale' || next?.weighing === 'decided') && next.mass !== undefined && (taken?.parcelId !== next.id || taken.value !== next.mass)) {
        taken = { parcelId: next.id, value: next.mass };
        takenBefore = null;
        emptied = false;
      }
    },
    feedReading(reading, seq, now) {
      const o = checked();
      if (isEmptyPlatform(reading, o.emptyBelow)) {
        emptied = true;
        previousLoad = false;
      }
      if (retryAfterMotion && reading.status !== 'stable') {
        retryAfterMotion = false;
        liveGate(o).rearm();
      }
      const settled = liveGate(o).feedReading(reading, now).captured;
      if (!settled) return update();
      const cause = judge(settled);
      return update(cause === null ? undefined : take(settled, cause, reading, seq));
    },
    feedIndication(indication, now) {
      liveGate(checked()).feedIndication(indication, now);
      return update();
    },
    frameError(now) {
      liveGate(checked()).feedFrameError(now);
      return update();
    },
    interrupt() {
      gate.interrupt();
      return update();
    },
    admits(parcelId, mass) {
      const stale = parcel?.id === parcelId && parcel.weighing === 'awaiting' && taken !== null && !emptied && !differs(mass, taken.value);
      return stale ? 'previousLoad' : 'ok';
    },
    captureFailed(capture) {
      if (taken?.parcelId !== capture.parcelId || taken.value !== capture.value || takenBefore === null) return;
      taken = takenBefore.taken;
      emptied = takenBefore.emptied;
      takenBefore = null;
      retryAfterMotion = true;
    },
    state,
  };
}
