/**
 * Runs the update policy (shared/update/updatePolicy.ts) against an UpdateSource: checks at start and every N hours,
 * lets the download run in the background, and when an update is ready asks a lead — only between parcels — whether
 * to install it now. The intake state is read again after the lead answers, so a parcel scanned while the question
 * was open stops the install. Declined: asked again after `remindMs`; a parcel open: looked at again after `retryMs`.
 * Clock and timers are passed in, so the sequences are tested with stand-ins (test/unit/update/updateController.test.ts).
 */
import {
  applyUpdateEvent, checkDue, INITIAL_UPDATE_STATE, installDecision, msUntilCheck,
  type InstallDecision, type UpdateEvent, type UpdateState,
} from '../../../shared/update/updatePolicy.ts';
import type { StationIntakeState } from '../../../shared/intake/intakeStates.ts';
import type { UpdateSource } from './electronUpdaterAdapter.ts';

export interface UpdateTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface UpdateControllerDeps {
  readonly source: UpdateSource;
  readonly now: () => number;
  readonly timers: UpdateTimers;
  /** The station's intake state now ('idle' when no intake is open). */
  readonly intakeState: () => Promise<StationIntakeState>;
  /** Asks a lead to confirm installing `version` now; true: confirmed. */
  readonly askLead: (version: string) => Promise<boolean>;
  readonly everyMs: number;
  readonly remindMs: number;
  readonly retryMs: number;
  readonly onState?: (state: UpdateState) => void;
}

export interface UpdateController {
  start(): void;
  stop(): void;
  state(): UpdateState;
  /** One pass of the policy now: check when due, or offer a ready update to a lead. */
  tick(): Promise<void>;
}

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  let state = INITIAL_UPDATE_STATE;
  let timer: unknown = null;
  let stopped = true;
  let asking = false;

  const apply = (event: UpdateEvent) => {
    const previous = state;
    state = applyUpdateEvent(state, event);
    if (state === previous) return;
    deps.onState?.(state);
    // Back to idle (schedule the next check) or just downloaded (offer it): look again now.
    if (!stopped && state.phase !== previous.phase && (state.phase === 'idle' || state.phase === 'ready')) schedule(0);
  };

  const schedule = (ms: number) => {
    if (timer !== null) deps.timers.clear(timer);
    timer = deps.timers.set(() => {
      timer = null;
      void tick();
    }, ms);
  };

  async function offer(): Promise<void> {
    const before = installDecision(state, await deps.intakeState(), true);
    if (!before.allowed) {
      schedule(deps.retryMs);
      return;
    }
    asking = true;
    // A question that could not be shown counts as "later": asked again after remindMs.
    const confirmed = await deps.askLead(before.version).catch(() => false).finally(() => {
      asking = false;
    });
    const decision: InstallDecision = installDecision(state, await deps.intakeState(), confirmed);
    if (decision.allowed) {
      apply({ type: 'install-started' });
      deps.source.install();
      return;
    }
    schedule(decision.blocker === 'NEEDS_LEAD_CONFIRMATION' ? deps.remindMs : deps.retryMs);
  }

  async function tick(): Promise<void> {
    if (stopped || asking) return;
    if (state.phase === 'ready') return offer();
    if (checkDue(state, deps.now(), deps.everyMs)) {
      apply({ type: 'check-started', at: deps.now() });
      try {
        await deps.source.check();
      } catch {
        apply({ type: 'failed', problem: 'Checking for updates failed; the station tries again later.' });
      }
      return;
    }
    const wait = msUntilCheck(state, deps.now(), deps.everyMs);
    if (wait !== null) schedule(wait);
  }

  deps.source.onEvent(apply);
  return {
    start() {
      stopped = false;
      schedule(0);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.timers.clear(timer);
      timer = null;
    },
    state: () => state,
    tick,
  };
}
