/**
 * The station's update policy, pure: what the updater is doing (a small state machine fed by the updater's events),
 * when to check (at start, then every N hours; never while a download is running or an update waits), and when
 * installing is allowed: only with an update downloaded, only between parcels (no open intake), and only at a
 * lead's confirmation — never mid-intake. electron/main/updates/ runs it against electron-updater.
 */
import { TERMINAL_STATES, type StationIntakeState } from '../intake/intakeStates.ts';

export const DEFAULT_CHECK_EVERY_HOURS = 4;
export const HOUR_MS = 3_600_000;

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'ready' | 'installing';

export interface UpdateState {
  readonly phase: UpdatePhase;
  /** When the last check started (ms); null: never checked since start. */
  readonly lastCheckAt: number | null;
  /** The version on offer (downloading or ready); null when none. */
  readonly version: string | null;
  /** Download progress 0–100 while downloading. */
  readonly percent: number | null;
  /** The last failure in plain words; cleared by the next successful step. */
  readonly problem: string | null;
}

export type UpdateEvent =
  | { readonly type: 'check-started'; readonly at: number }
  | { readonly type: 'no-update' }
  | { readonly type: 'update-available'; readonly version: string }
  | { readonly type: 'download-progress'; readonly percent: number }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'failed'; readonly problem: string }
  | { readonly type: 'install-started' };

export const INITIAL_UPDATE_STATE: UpdateState = { phase: 'idle', lastCheckAt: null, version: null, percent: null, problem: null };

function clampPercent(p: number): number {
  return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
}

/** The next state; an event that does not fit the phase (a late progress report, say) changes nothing. */
export function applyUpdateEvent(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'check-started':
      return state.phase === 'idle' ? { ...state, phase: 'checking', lastCheckAt: event.at } : state;
    case 'no-update':
      return state.phase === 'checking' ? { ...state, phase: 'idle', version: null, percent: null, problem: null } : state;
    case 'update-available':
      return state.phase === 'checking' || state.phase === 'idle' ? { ...state, phase: 'downloading', version: event.version, percent: 0, problem: null } : state;
    case 'download-progress':
      return state.phase === 'downloading' ? { ...state, percent: clampPercent(event.percent) } : state;
    case 'downloaded':
      return state.phase === 'downloading' || state.phase === 'checking' ? { ...state, phase: 'ready', version: event.version, percent: 100, problem: null } : state;
    case 'failed':
      // A failed check or download goes back to idle and is tried again at the next scheduled check; an update
      // already downloaded stays ready (a failure then concerns a later check).
      if (state.phase === 'ready' || state.phase === 'installing') return { ...state, problem: event.problem };
      return { ...state, phase: 'idle', version: null, percent: null, problem: event.problem };
    case 'install-started':
      return state.phase === 'ready' ? { ...state, phase: 'installing' } : state;
  }
}

/** Whether to check now: idle, and never checked since start or the interval has passed since the last check. */
export function checkDue(state: UpdateState, now: number, everyMs: number): boolean {
  if (state.phase !== 'idle') return false;
  return state.lastCheckAt === null || now - state.lastCheckAt >= everyMs;
}

/** Milliseconds until checkDue becomes true (0: now); null while not idle (the next check follows the current step). */
export function msUntilCheck(state: UpdateState, now: number, everyMs: number): number | null {
  if (state.phase !== 'idle') return null;
  if (state.lastCheckAt === null) return 0;
  return Math.max(0, state.lastCheckAt + everyMs - now);
}

/** Between parcels: no intake open (the last one finished or was cancelled). */
export function betweenParcels(intake: StationIntakeState): boolean {
  return TERMINAL_STATES.has(intake);
}

export type InstallBlocker = 'NO_UPDATE_READY' | 'INTAKE_OPEN' | 'NEEDS_LEAD_CONFIRMATION';
export type InstallDecision = { readonly allowed: true; readonly version: string } | { readonly allowed: false; readonly blocker: InstallBlocker };

/** May the downloaded update be installed now? */
export function installDecision(state: UpdateState, intake: StationIntakeState, leadConfirmed: boolean): InstallDecision {
  if (state.phase !== 'ready' || state.version === null) return { allowed: false, blocker: 'NO_UPDATE_READY' };
  if (!betweenParcels(intake)) return { allowed: false, blocker: 'INTAKE_OPEN' };
  if (!leadConfirmed) return { allowed: false, blocker: 'NEEDS_LEAD_CONFIRMATION' };
  return { allowed: true, version: state.version };
}

/** What the worker or lead reads about each blocker: plain words, what to do next. */
export const INSTALL_BLOCKER_TEXT: Readonly<Record<InstallBlocker, string>> = {
  NO_UPDATE_READY: 'No update is ready to install. The station checks HQ by itself; nothing to do.',
  INTAKE_OPEN: 'A parcel is being taken in. Finish or cancel it, then install the update.',
  NEEDS_LEAD_CONFIRMATION: 'An update is ready. Ask a lead to confirm installing it; the station restarts in about a minute.',
};
