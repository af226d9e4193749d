/**
 * The top bar's person: who is signed in, by name and role, a Sign out button, and for a lead the Operators page.
 */
import type { Session } from '../../shared/contract/operators.ts';
import { personLabel } from './signOutText.ts';

interface Props {
  readonly session: Session;
  readonly onSignOut: () => void;
  readonly onOperators: () => void;
}

export function SessionBadge({ session, onSignOut, onOperators }: Props) {
  return (
    <span className="session-badge">
      <span className="badge person" data-testid="signed-in-as">Signed in: {personLabel(session)}</span>
      {session.role === 'lead' && <button type="button" className="topbar-button" data-testid="open-operators" onClick={onOperators}>Operators</button>}
      <button type="button" className="topbar-button" data-testid="sign-out" onClick={onSignOut}>Sign out</button>
    </span>
  );
}
