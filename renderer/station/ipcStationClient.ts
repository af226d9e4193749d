/**
 * StationClient over the Electron preload bridge (window.ecms). Responses are checked against the contract schemas.
 */
import type { PreloadApi } from '../../shared/contract/preloadApi.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { parseResponse, parseEvent } from './parseFrames.ts';

export function ipcStationClient(api: PreloadApi): StationClient {
  return {
    async call(name, request) {
      return parseResponse(name, await api.commands[name](request));
    },
    subscribe(event, listener) {
      return api.events[event]((data) => {
        const parsed = parseEvent(event, data);
        if (parsed.ok) listener(parsed.data);
      });
    },
  };
}
