/**
 * Picks the transport: the Electron preload bridge when present, otherwise the browser-mode WebSocket whose token
 * arrives in the page's URL fragment. A page opened without a token gets a client that refuses every call and the
 * link state `noToken`, so the screen can say how to open it.
 */
import { PRELOAD_GLOBAL, type PreloadApi } from '../../shared/contract/preloadApi.ts';
import { ipcStationClient, type CheckedStationClient } from './ipcStationClient.ts';
import { wsStationClient } from './wsStationClient.ts';
import type { StationLink } from './stationLink.ts';

/** The token from a page address fragment (`#token=…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

function tokenlessClient(): CheckedStationClient {
  return {
    call: async () => ({ ok: false, error: { code: 'UNAUTHORIZED', message: 'This page was opened without its key. Open the full address the station shows when it starts.' } }),
    subscribe: () => () => undefined,
    invalidFrames: () => 0,
  };
}

/** The client also counts the station's frames that did not match the contract (`invalidFrames()`). */
export function connectStation(onLink: (link: StationLink) => void): CheckedStationClient {
  const bridge = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (bridge) {
    onLink('connected');
    return ipcStationClient(bridge);
  }
  const token = tokenFromHash(window.location.hash);
  if (token === null) {
    onLink('noToken');
    return tokenlessClient();
  }
  return wsStationClient(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`, (open) => onLink(open ? 'connected' : 'lost'));
}
