/**
 * A per-connection limit on commands: a token bucket, generous for a bench (a scanner, a scale and a screen that
 * refreshes itself) but not for a page or script in a loop. A refused command is answered with RATE_LIMITED.
 */
export interface RateLimitOptions {
  /** Commands a connection may send at once, from rest. */
  readonly burst: number;
  /** Commands per second it may keep sending. */
  readonly perSecond: number;
  readonly now?: () => number;
}

/** A bench screen sends tens of commands per parcel (refreshes after every event); this stops only a runaway client. */
export const BENCH_RATE_LIMIT: RateLimitOptions = { burst: 600, perSecond: 200 };

export interface CommandRateLimiter {
  /** True if one more command may run now (and counts it). */
  take(): boolean;
}

export function commandRateLimiter(options: RateLimitOptions): CommandRateLimiter {
  const now = options.now ?? (() => performance.now());
  let tokens = options.burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(options.burst, tokens + ((t - last) / 1000) * options.perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
