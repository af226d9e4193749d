/**
 * When a failed print is tried again: the shared capped exponential backoff (shared/retry/backoff.ts), waiting the
 * whole window base · 2^(failures − 1), at most `capMs`. No jitter: one station talks to its own printers, there is
 * no fleet to spread out. A printer that is switched back on is found within `capMs` (default 30 s).
 */
import { backoffWindowMs, type BackoffPolicy } from '../retry/backoff.ts';

export type PrintRetryPolicy = BackoffPolicy;

export const DEFAULT_PRINT_RETRY: PrintRetryPolicy = { baseMs: 1_000, capMs: 30_000 };

/** Delay after the `failures`-th failure in a row (1 for the first): the backoff window of attempt failures − 1. */
export function printRetryDelayMs(failures: number, policy: PrintRetryPolicy): number {
  return backoffWindowMs(failures - 1, policy);
}
