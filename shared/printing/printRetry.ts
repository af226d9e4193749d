/**
 * When a failed print is tried again: capped exponential backoff, base · 2^(failures − 1), at most `capMs`.
 * No jitter: one station talks to its own printers, there is no fleet to spread out. A printer that is switched
 * back on is found within `capMs` (default 30 s).
 */
export interface PrintRetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_PRINT_RETRY: PrintRetryPolicy = { baseMs: 1_000, capMs: 30_000 };

/** Delay after the `failures`-th failure in a row (1 for the first). */
export function printRetryDelayMs(failures: number, policy: PrintRetryPolicy): number {
  if (!Number.isFinite(failures) || failures < 1) return policy.baseMs;
  const exponent = Math.min(Math.floor(failures) - 1, 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}
