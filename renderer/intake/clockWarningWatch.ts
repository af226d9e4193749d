/**
 * Keeps the bench's clock warning current: reads `station.info` at once (so at every reconnect, when the caller starts
 * it again) and then every minute, and hands each answer's `clockWarning` on. A refused call (station unreachable)
 * changes nothing: the last warning read stays up.
 */
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { CommandResponse } from '../../shared/contract/commands.ts';

export type StationClockWarning = CommandResponse<'station.info'>['clockWarning'];

export const CLOCK_WARNING_POLL_MS = 60_000;

export function watchClockWarning(
  client: Pick<StationClient, 'call'>, onWarning: (warning: StationClockWarning) => void, everyMs = CLOCK_WARNING_POLL_MS,
): () => void {
  let stopped = false;
  const read = (): void => {
    void client.call('station.info', {}).then((r) => {
      if (!stopped && r.ok) onWarning(r.data.clockWarning);
    });
  };
  read();
  const timer = setInterval(read, everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
