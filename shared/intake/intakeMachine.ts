/**
 * The intake state machine, pure: which action is allowed in which state and where it leads. The station core asks
 * it before every command; a null answer becomes an INVALID_STATE error for the worker.
 *
 *   idle/ready/cancelled --scan--> scanned --weigh--> weighed --decide--> decided --print--> printed --finish--> ready
 *   Corrections before the verdict is printed: re-weigh, new dimensions or a damage report send a decided parcel back
 *   to weighed (its verdict is withdrawn). Cancel ends any open intake. A decided parcel may finish without a print
 *   (no printer configured, or printing off for that verdict).
 *   A lead's correction of a parcel already printed or done (ready) changes its facts and has the verdict engine
 *   decide again in one step; the parcel keeps its state (it is not reopened on the bench).
 */
import type { StationIntakeState } from './intakeStates.ts';

export const INTAKE_ACTIONS = ['scan', 'weigh', 'setDimensions', 'reportDamage', 'decide', 'print', 'finish', 'cancel', 'correct'] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];

type Table = Readonly<Record<StationIntakeState, Partial<Record<IntakeAction, StationIntakeState>>>>;

const TRANSITIONS: Table = {
  idle: { scan: 'scanned' },
  ready: { scan: 'scanned', correct: 'ready' },
  cancelled: { scan: 'scanned' },
  scanned: { weigh: 'weighed', setDimensions: 'scanned', reportDamage: 'scanned', cancel: 'cancelled' },
  weighed: { weigh: 'weighed', setDimensions: 'weighed', reportDamage: 'weighed', decide: 'decided', cancel: 'cancelled' },
  decided: { weigh: 'weighed', setDimensions: 'weighed', reportDamage: 'weighed', print: 'printed', finish: 'ready', cancel: 'cancelled' },
  printed: { print: 'printed', finish: 'ready', correct: 'printed' },
};

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextIntakeState(state: StationIntakeState, action: IntakeAction): StationIntakeState | null {
  return TRANSITIONS[state][action] ?? null;
}

export function allowedActions(state: StationIntakeState): IntakeAction[] {
  return Object.keys(TRANSITIONS[state]) as IntakeAction[];
}
