/**
 * How long the screen waits before trying the station again: quick at first (a restart takes a few seconds), then
 * slower, never more than a few seconds so the screen comes back soon after the station does.
 */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 4000;

/** The pause before attempt `failures + 1` (0 failures: the socket just closed). */
export function reconnectDelayMs(failures: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, Math.min(failures, 16)));
}
