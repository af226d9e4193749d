/**
 * The wait before the next attempt: full-jitter backoff, raised to the server's Retry-After when that is longer
 * (Retry-After is a floor), and never beyond `maxRetryAfterMs` (a server asking for a week is capped, so a station
 * retries within a bounded time whatever HQ says).
 */
import { fullJitterDelayMs, type BackoffPolicy } from '../retry/backoff.ts';

export interface RetryDelayInput {
  /** Failures so far in this run of failures (0 for the first retry). */
  readonly attempt: number;
  /** Parsed Retry-After in ms, or null. */
  readonly retryAfterMs: number | null;
}

export interface RetryDelayPolicy extends BackoffPolicy {
  /** Upper bound applied to Retry-After, ms. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryDelayPolicy = { baseMs: 500, capMs: 5 * 60_000, maxRetryAfterMs: 15 * 60_000 };

export function retryDelayMs(input: RetryDelayInput, policy: RetryDelayPolicy, random: () => number): number {
  const jittered = fullJitterDelayMs(input.attempt, policy, random);
  if (input.retryAfterMs === null) return jittered;
  const floor = Math.min(Math.max(0, input.retryAfterMs), policy.maxRetryAfterMs);
  return Math.max(jittered, floor);
}
