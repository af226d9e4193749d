/**
 * What the sign-in screen says about the last sign-out, in plain words ("Signed out after 10 minutes without use").
 */
import type { SessionState } from '../../shared/contract/operators.ts';

export function signOutText(last: SessionState['lastSignOut']): string | null {
  if (last === null) return null;
  if (last.cause === 'idle') {
    const minutes = last.idleMinutes ?? 0;
    return `${last.name} was signed out after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} without use. Sign in to go on.`;
  }
  if (last.cause === 'operatorChanged') return `${last.name} was signed out: a lead changed their access. Sign in to go on.`;
  return `${last.name} signed out.`;
}

/** How the top bar names the person: "Dana Reyes · operator". */
export function personLabel(session: NonNullable<SessionState['session']>): string {
  return `${session.name} · ${session.role}`;
}
