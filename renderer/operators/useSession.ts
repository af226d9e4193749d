/**
 * Who is signed in at this station, kept current from the `session` event stream, and the screen's part of the idle
 * sign-out: a key or a tap tells the station the person is still at work (at most every 30 seconds).
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../shared/contract/operators.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';

const TOUCH_EVERY_MS = 30_000;

export function useSession(client: StationClient, connected: boolean): { state: SessionState | null; setState(state: SessionState): void } {
  const [state, setState] = useState<SessionState | null>(null);
  useEffect(() => client.subscribe('session', setState), [client]);
  useEffect(() => {
    if (connected) void client.call('session.current', {}).then((r) => r.ok && setState(r.data));
  }, [client, connected]);

  const lastTouch = useRef(0);
  const signedIn = state?.session != null;
  useEffect(() => {
    if (!signedIn) return;
    const touch = () => {
      const now = Date.now();
      if (now - lastTouch.current < TOUCH_EVERY_MS) return;
      lastTouch.current = now;
      void client.call('session.touch', {});
    };
    window.addEventListener('keydown', touch, true);
    window.addEventListener('pointerdown', touch, true);
    return () => {
      window.removeEventListener('keydown', touch, true);
      window.removeEventListener('pointerdown', touch, true);
    };
  }, [client, signedIn]);
  return { state, setState };
}
