/**
 * The sign-in screen, shown whenever nobody is signed in: big and keyboard-first — operator id, Enter, PIN, Enter.
 * It says why the last person was signed out (idle, signed out, access changed).
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../shared/contract/operators.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { errorNotice } from '../intake/errorText.ts';
import { signOutText } from './signOutText.ts';
import './operators.css';

interface Props {
  readonly client: StationClient;
  readonly state: SessionState | null;
  readonly stationLabel: string;
  readonly onSignedIn: (state: SessionState) => void;
}

export function SignInScreen({ client, state, stationLabel, onSignedIn }: Props) {
  const [operatorId, setOperatorId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const idRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  useEffect(() => idRef.current?.focus(), []);

  async function signIn(): Promise<void> {
    setBusy(true);
    const result = await client.call('session.signIn', { operatorId, pin });
    setBusy(false);
    setPin('');
    if (result.ok) return onSignedIn(result.data);
    setError(result.error);
    if (result.error.code === 'SIGN_IN_FAILED' || result.error.code === 'SIGN_IN_LOCKED') pinRef.current?.focus();
    else idRef.current?.focus();
  }

  const notice = error && errorNotice(error);
  const why = signOutText(state?.lastSignOut ?? null);
  return (
    <main className="sign-in" data-testid="sign-in">
      <section className="sign-in-card">
        <h2>Sign in</h2>
        <p className="state-line">{stationLabel}</p>
        {why && <p className="sign-in-why" data-testid="sign-out-reason">{why}</p>}
        <form
          className="sign-in-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (document.activeElement === idRef.current || pin === '') return pinRef.current?.focus();
            void signIn();
          }}
        >
          <label htmlFor="sign-in-id">Operator id</label>
          <input
            id="sign-in-id" ref={idRef} data-testid="sign-in-id" autoComplete="off" value={operatorId} maxLength={16} disabled={busy}
            onChange={(e) => {
              setOperatorId(e.target.value);
              setError(null);
            }}
          />
          <label htmlFor="sign-in-pin">PIN</label>
          <input
            id="sign-in-pin" ref={pinRef} data-testid="sign-in-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} maxLength={8} disabled={busy}
            onChange={(e) => {
              setPin(e.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="primary" disabled={busy || operatorId === ''}>Sign in <kbd>Enter</kbd></button>
        </form>
        {notice && (
          <div className="error" role="alert" data-testid="sign-in-error" data-code={error?.code}>
            <strong>{notice.title}</strong>
            <span>{notice.detail}</span>
          </div>
        )}
        <p className="why">Type your operator id, Enter, then your PIN, Enter. Forgot your PIN? A lead can give you a new one.</p>
      </section>
    </main>
  );
}
