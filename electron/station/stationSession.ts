/**
 * The station's one session: the person signed in at this screen. Sign-in checks the operator id and PIN against
 * the stored hash (pinHash.ts); five wrong PINs for one id lock that id for a minute. The person is signed out
 * after `idleMinutes` without a command of theirs (or a `session.touch` from the screen), and the state says so,
 * so the sign-in screen can tell the next person why. Kept in memory: a restarted station starts signed out.
 * Each sign-in and sign-out is also an event for HQ (operatorEvents.ts): a sign-in whose event cannot be saved does
 * not happen; a sign-out always happens (nobody stays signed in because the disk is full), and an event it could
 * not save is reported through `reportError`.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../shared/contract/commandRoles.ts';
import type { Session, SessionState, SignOutCause } from '../../shared/contract/operators.ts';
import { getOperatorRow, insertOperator } from '../db/queries/operators.ts';
import { recordSignedIn, recordSignedOut } from './operatorEvents.ts';
import { NO_PIN_HASH, verifyPin } from './pinHash.ts';
import { StationError, storageError } from './stationError.ts';

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_LOCK_MS = 60_000;
const IDLE_CHECK_MS = 15_000;

export interface SessionDeps {
  readonly db: Database;
  readonly now: () => number;
  readonly idleMinutes: () => number;
  readonly onChange: (state: SessionState) => void;
  /** A sign-out happened but its event for HQ could not be saved (for the station log). */
  readonly reportError: (error: unknown, message: string) => void;
}

export interface StationSession {
  state(): SessionState;
  /** The person signed in, or SIGN_IN_REQUIRED: what every recorded action names. */
  requirePerson(): Session;
  role(): Role | null;
  signIn(operatorId: string, pin: string): Promise<SessionState>;
  signOut(cause: SignOutCause): SessionState;
  /** The person is still at work: the idle time starts again. */
  touch(): void;
  /** Signs the person out if they have been idle too long; the timer calls it, tests may too. */
  checkIdle(): void;
  /** After a lead changed an operator: the signed-in person's new name or role applies; disabled, they are signed out. */
  operatorChanged(operatorId: string): void;
  /** Test support only (StationOptions.signedInAs): start with this person signed in, created with no usable PIN if missing. */
  startAs(person: { operatorId: string; name: string; role: Role }): void;
  stop(): void;
}

interface Failures {
  count: number;
  lockedUntil: number;
}

const REFUSED = 'That operator id and PIN do not match. Type your id and PIN again; a lead can reset a forgotten PIN.';

export function createStationSession(deps: SessionDeps): StationSession {
  const { db, now } = deps;
  let session: Session | null = null;
  let lastSignOut: SessionState['lastSignOut'] = null;
  let lastActivity = 0;
  const failures = new Map<string, Failures>();

  const state = (): SessionState => ({ session, lastSignOut });
  const changed = (): SessionState => {
    const s = state();
    deps.onChange(s);
    return s;
  };

  const signOut = (cause: SignOutCause): SessionState => {
    if (session === null) return state();
    const { operatorId } = session;
    lastSignOut = { name: session.name, cause, idleMinutes: cause === 'idle' ? deps.idleMinutes() : null, at: now() };
    session = null;
    try {
      recordSignedOut(db, operatorId, cause, lastSignOut.idleMinutes, lastSignOut.at);
    } catch (error) {
      deps.reportError(error, `The sign-out of ${operatorId} could not be saved for HQ.`);
    }
    return changed();
  };

  const checkIdle = (): void => {
    if (session !== null && now() - lastActivity >= deps.idleMinutes() * 60_000) signOut('idle');
  };
  const timer = setInterval(checkIdle, IDLE_CHECK_MS);
  timer.unref();

  return {
    state,
    requirePerson() {
      if (session === null) throw new StationError('SIGN_IN_REQUIRED', 'Nobody is signed in at this station. Sign in with your operator id and PIN, then do it again.');
      return session;
    },
    role: () => session?.role ?? null,
    async signIn(operatorId, pin) {
      const t = now();
      const failed = failures.get(operatorId);
      if (failed && failed.lockedUntil > t) {
        const seconds = Math.ceil((failed.lockedUntil - t) / 1000);
        throw new StationError('SIGN_IN_LOCKED', `Too many wrong PINs for ${operatorId}. Wait ${seconds} seconds, then try again; a lead can reset the PIN.`);
      }
      const row = getOperatorRow(db, operatorId);
      // The same scrypt work for an unknown id, so the answer's timing does not tell which ids exist.
      const matches = await verifyPin(pin, row?.pin_hash ?? NO_PIN_HASH);
      if (!row || !matches || row.active !== 1) {
        const count = (failed?.count ?? 0) + 1;
        failures.set(operatorId, { count: count >= SIGN_IN_MAX_FAILURES ? 0 : count, lockedUntil: count >= SIGN_IN_MAX_FAILURES ? now() + SIGN_IN_LOCK_MS : 0 });
        throw new StationError('SIGN_IN_FAILED', REFUSED, 'pin');
      }
      failures.delete(operatorId);
      if (session !== null && session.operatorId !== row.operator_id) signOut('signedOut');
      const person = { operatorId: row.operator_id, name: row.name, role: row.role };
      try {
        recordSignedIn(db, person, now());
      } catch (error) {
        throw storageError(error);
      }
      session = { ...person, signedInAt: now() };
      lastActivity = now();
      lastSignOut = null;
      return changed();
    },
    signOut,
    touch() {
      if (session !== null) lastActivity = now();
    },
    checkIdle,
    operatorChanged(operatorId) {
      if (session?.operatorId !== operatorId) return;
      const row = getOperatorRow(db, operatorId);
      if (!row || row.active !== 1) {
        signOut('operatorChanged');
        return;
      }
      session = { ...session, name: row.name, role: row.role };
      changed();
    },
    startAs(person) {
      if (!getOperatorRow(db, person.operatorId)) insertOperator(db, { ...person, pinHash: NO_PIN_HASH, at: now() });
      session = { ...person, signedInAt: now() };
      lastActivity = now();
      changed();
    },
    stop: () => clearInterval(timer),
  };
}
