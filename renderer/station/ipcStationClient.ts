/**
 * StationClient over the Electron preload bridge (window.ecms). Responses are checked against the contract schemas;
 * a call the main process does not answer within its timeout resolves with STATION_UNREACHABLE.
 */
import type { PreloadApi } from '../../shared/contract/preloadApi.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { frameCheck, parseEvent, parseResponse, withCallTimeout, type FrameCheck } from './parseFrames.ts';

export const IPC_CALL_TIMEOUT_MS = 15_000;

export interface ClientOptions {
  readonly callTimeoutMs?: number;
  readonly check?: FrameCheck;
}

export type CheckedStationClient = StationClient & Pick<FrameCheck, 'invalidFrames'>;

export function ipcStationClient(api: PreloadApi, options: ClientOptions = {}): CheckedStationClient {
  const check = options.check ?? frameCheck();
  const timeoutMs = options.callTimeoutMs ?? IPC_CALL_TIMEOUT_MS;
  return {
    async call(name, request) {
      return parseResponse(name, await withCallTimeout(api.commands[name](request), timeoutMs), check);
    },
    subscribe(event, listener) {
      return api.events[event]((data) => {
        const parsed = parseEvent(event, data, check);
        if (parsed.ok) listener(parsed.data);
      });
    },
    invalidFrames: check.invalidFrames,
  };
}
