/**
 * Capped exponential backoff, the one home of the idea for every retry loop: the window before retry n is
 * min(cap, base · 2^n). Sync waits a full-jitter time inside it (../shared/reference/sync.md §3: a uniform random
 * time in [0, window) spreads a fleet of stations that all fail and recover together); printing waits the whole
 * window (shared/printing/printRetry.ts: one station, its own printers, no fleet to spread).
 * Pure: the random source is passed in, so tests are deterministic.
 */

export interface BackoffPolicy {
  /** Upper bound of the first window, ms. */
  readonly baseMs: number;
  /** No window grows beyond this, ms. */
  readonly capMs: number;
}

/** The window for a retry: min(cap, base · 2^attempt). `attempt` counts failures so far, starting at 0. */
export function backoffWindowMs(attempt: number, policy: BackoffPolicy): number {
  if (!Number.isFinite(attempt) || attempt < 0) return policy.baseMs;
  // 2^attempt overflows to Infinity for large attempts; Math.min keeps the cap.
  const exp = attempt >= 1024 ? Number.POSITIVE_INFINITY : policy.baseMs * 2 ** Math.floor(attempt);
  return Math.min(policy.capMs, exp);
}

/** Full-jitter delay: uniform in [0, window). `random` returns a number in [0, 1). */
export function fullJitterDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * backoffWindowMs(attempt, policy));
}
