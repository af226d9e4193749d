/**
 * Picks the transport: the Electron preload bridge when present, otherwise the browser-mode WebSocket whose token
 * arrives in the page's URL fragment.
 */
import { PRELOAD_GLOBAL, type PreloadApi } from '../../shared/contract/preloadApi.ts';
import { ipcStationClient, type CheckedStationClient } from './ipcStationClient.ts';
import { wsStationClient } from './wsStationClient.ts';

/** The client also counts the station's frames that did not match the contract (`invalidFrames()`). */
export function connectStation(onConnection: (connected: boolean) => void): CheckedStationClient {
  const bridge = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (bridge) {
    onConnection(true);
    return ipcStationClient(bridge);
  }
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  return wsStationClient(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`, onConnection);
}
