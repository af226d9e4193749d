/**
 * Picks the transport: the Electron preload bridge when present, otherwise the browser-mode WebSocket whose token
 * arrives in the page's URL fragment.
 */
import { PRELOAD_GLOBAL, type PreloadApi } from '../../shared/contract/preloadApi.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { ipcStationClient } from './ipcStationClient.ts';
import { wsStationClient } from './wsStationClient.ts';

export function connectStation(onConnection: (connected: boolean) => void): StationClient {
  const bridge = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (bridge) {
    onConnection(true);
    return ipcStationClient(bridge);
  }
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  return wsStationClient(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`, onConnection);
}
