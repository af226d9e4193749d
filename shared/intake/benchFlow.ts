/**
 * The bench flow, pure: what the open parcel needs next, given the warehouse's size policy. The station core words
 * its refusals from it (a scan while a parcel is still open) and the screen follows it (where the focus goes, when
 * it asks the station to decide by itself), so the two never disagree.
 *
 *   scan ─► weigh ─► measure (when the warehouse requires a size) ─► decide ─► putAway ─► (the next scan closes it)
 *
 * A parcel is decided as soon as nothing is missing: after its size (the third Enter), or after its weight when the
 * warehouse does not require a size. A decided or printed parcel is finished by the next scan, in the same
 * transaction that opens the new parcel; a parcel still missing its weight or size blocks the scan.
 */
import { nextIntakeState } from './intakeMachine.ts';
import { TERMINAL_STATES, type StationIntakeState } from './intakeStates.ts';

export const BENCH_STEPS = ['scan', 'weigh', 'measure', 'decide', 'putAway'] as const;
export type BenchStep = (typeof BENCH_STEPS)[number];

/** What the flow needs to know of the open parcel. */
export interface BenchParcel {
  readonly state: StationIntakeState;
  readonly weighed: boolean;
  readonly measured: boolean;
}

export interface BenchPolicy {
  /** The warehouse's setting (StationSettings.sizeRequired). */
  readonly sizeRequired: boolean;
}

export function benchStep(parcel: BenchParcel | null, policy: BenchPolicy): BenchStep {
  if (parcel === null || TERMINAL_STATES.has(parcel.state)) return 'scan';
  if (parcel.state === 'decided' || parcel.state === 'printed') return 'putAway';
  if (!parcel.weighed) return 'weigh';
  if (policy.sizeRequired && !parcel.measured) return 'measure';
  return 'decide';
}

/** Whether everything the decision needs is there: the station (or the screen, chained) decides without a click. */
export function readyToDecide(parcel: BenchParcel | null, policy: BenchPolicy): boolean {
  return parcel !== null && benchStep(parcel, policy) === 'decide' && nextIntakeState(parcel.state, 'decide') !== null;
}

/** A scan may open a new parcel: none is open, or the open one is decided (the scan finishes it). */
export function scanMayOpenNext(parcel: BenchParcel | null, policy: BenchPolicy): boolean {
  const step = benchStep(parcel, policy);
  return step === 'scan' || step === 'putAway';
}

const MISSING_WORDS: Readonly<Record<'weigh' | 'measure' | 'decide', string>> = {
  weigh: 'it has no weight yet. Put it on the scale (or type its weight)',
  measure: 'it still needs its size. Type its length, width and height, each followed by Enter',
  decide: 'its verdict is not ready yet. Wait a moment for it',
};

/** The refusal of a scan while `tracking` is still open, in plain words that say what to do. */
export function openParcelRefusal(tracking: string, step: BenchStep): string {
  const missing = step === 'weigh' || step === 'measure' || step === 'decide' ? MISSING_WORDS[step] : 'it is still open. Finish it';
  return `Parcel ${tracking} is not finished: ${missing}, or cancel it — then scan the next parcel. The new scan was not recorded.`;
}
