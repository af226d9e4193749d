/**
 * The station's update policy (shared/update/updatePolicy.ts): the updater's state machine, the check schedule and
 * the install gate, over arbitrary sequences of updater events, clock steps, intake states and confirmations.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyUpdateEvent, betweenParcels, checkDue, HOUR_MS, INITIAL_UPDATE_STATE, installDecision, msUntilCheck,
  type UpdateEvent, type UpdateState,
} from '../../../shared/update/updatePolicy.ts';
import type { StationIntakeState } from '../../../shared/intake/intakeStates.ts';

const EVERY = 4 * HOUR_MS;
const intakeStates: StationIntakeState[] = ['idle', 'scanned', 'weighed', 'decided', 'printed', 'ready', 'cancelled'];
const version = fc.constantFrom('0.2.0', '0.3.0', '0.1.0');
const updaterEvent: fc.Arbitrary<UpdateEvent> = fc.oneof(
  fc.nat({ max: 10 * HOUR_MS }).map((at) => ({ type: 'check-started', at }) as const),
  fc.constant({ type: 'no-update' } as const),
  version.map((v) => ({ type: 'update-available', version: v }) as const),
  fc.double({ min: -10, max: 200, noNaN: true }).map((percent) => ({ type: 'download-progress', percent }) as const),
  version.map((v) => ({ type: 'downloaded', version: v }) as const),
  fc.constant({ type: 'failed', problem: 'HQ could not be reached' } as const),
  fc.constant({ type: 'install-started' } as const),
);

function run(events: readonly UpdateEvent[]): UpdateState[] {
  const states = [INITIAL_UPDATE_STATE];
  for (const e of events) states.push(applyUpdateEvent(states[states.length - 1]!, e));
  return states;
}

describe('update state machine', () => {
  it('keeps its invariants over any sequence: a version exactly while one is on offer, progress within 0–100', () => {
    fc.assert(fc.property(fc.array(updaterEvent, { maxLength: 40 }), (events) => {
      for (const s of run(events)) {
        expect(s.version !== null).toBe(s.phase === 'downloading' || s.phase === 'ready' || s.phase === 'installing');
        if (s.percent !== null) expect(s.percent >= 0 && s.percent <= 100).toBe(true);
        if (s.phase === 'ready') expect(s.percent).toBe(100);
      }
    }));
  });

  it('installs only from a downloaded update', () => {
    fc.assert(fc.property(fc.array(updaterEvent, { maxLength: 40 }), (events) => {
      const states = run(events);
      states.forEach((s, i) => {
        if (i > 0 && s.phase === 'installing' && states[i - 1]!.phase !== 'installing') expect(states[i - 1]!.phase).toBe('ready');
      });
    }));
  });

  it('walks a normal update: check, offer, progress, downloaded, install', () => {
    const [, checking, downloading, half, ready, installing] = run([
      { type: 'check-started', at: 5 }, { type: 'update-available', version: '0.2.0' }, { type: 'download-progress', percent: 50 },
      { type: 'downloaded', version: '0.2.0' }, { type: 'install-started' },
    ]);
    expect(checking).toMatchObject({ phase: 'checking', lastCheckAt: 5 });
    expect(downloading).toMatchObject({ phase: 'downloading', version: '0.2.0', percent: 0 });
    expect(half).toMatchObject({ percent: 50 });
    expect(ready).toMatchObject({ phase: 'ready', version: '0.2.0', percent: 100 });
    expect(installing).toMatchObject({ phase: 'installing' });
  });

  it('a failed download goes back to idle with the problem kept; a failure after downloading keeps the update ready', () => {
    const failedDownload = run([{ type: 'check-started', at: 0 }, { type: 'update-available', version: '0.2.0' }, { type: 'failed', problem: 'x' }]).at(-1);
    expect(failedDownload).toMatchObject({ phase: 'idle', version: null, problem: 'x' });
    const afterReady = run([{ type: 'check-started', at: 0 }, { type: 'downloaded', version: '0.2.0' }, { type: 'failed', problem: 'y' }]).at(-1);
    expect(afterReady).toMatchObject({ phase: 'ready', version: '0.2.0', problem: 'y' });
  });
});

describe('check schedule', () => {
  it('checks at start, then not again until the interval has passed since the last check', () => {
    expect(checkDue(INITIAL_UPDATE_STATE, 0, EVERY)).toBe(true);
    fc.assert(fc.property(fc.nat({ max: 100 * HOUR_MS }), fc.nat({ max: 100 * HOUR_MS }), (at, later) => {
      const idleAgain = run([{ type: 'check-started', at }, { type: 'no-update' }]).at(-1)!;
      const now = at + later;
      expect(checkDue(idleAgain, now, EVERY)).toBe(later >= EVERY);
      expect(msUntilCheck(idleAgain, now, EVERY)).toBe(Math.max(0, EVERY - later));
    }));
  });

  it('never checks while checking, downloading, ready or installing', () => {
    fc.assert(fc.property(fc.array(updaterEvent, { maxLength: 30 }), fc.nat({ max: 1000 * HOUR_MS }), (events, now) => {
      for (const s of run(events)) {
        if (s.phase !== 'idle') {
          expect(checkDue(s, now, EVERY)).toBe(false);
          expect(msUntilCheck(s, now, EVERY)).toBeNull();
        }
      }
    }));
  });
});

describe('install gate', () => {
  it('allows installing exactly when an update is ready, no intake is open and a lead confirmed', () => {
    fc.assert(fc.property(fc.array(updaterEvent, { maxLength: 30 }), fc.constantFrom(...intakeStates), fc.boolean(), (events, intake, lead) => {
      const state = run(events).at(-1)!;
      const decision = installDecision(state, intake, lead);
      expect(decision.allowed).toBe(state.phase === 'ready' && betweenParcels(intake) && lead);
      if (!decision.allowed) {
        const expected = state.phase !== 'ready' ? 'NO_UPDATE_READY' : !betweenParcels(intake) ? 'INTAKE_OPEN' : 'NEEDS_LEAD_CONFIRMATION';
        expect(decision.blocker).toBe(expected);
      }
    }));
  });

  it('treats only idle, finished (ready) and cancelled as between parcels', () => {
    expect(intakeStates.filter(betweenParcels)).toEqual(['idle', 'ready', 'cancelled']);
  });
});
