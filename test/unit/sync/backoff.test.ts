import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffWindowMs, fullJitterDelayMs } from '../../../shared/retry/backoff.ts';
import { parseRetryAfterMs } from '../../../shared/sync/retryAfter.ts';
import { retryDelayMs } from '../../../shared/sync/retryDelay.ts';
import { DEFAULT_PRINT_RETRY, printRetryDelayMs } from '../../../shared/printing/printRetry.ts';

const policy = { baseMs: 500, capMs: 300_000, maxRetryAfterMs: 900_000 };

describe('full-jitter backoff', () => {
  it('stays in [0, min(cap, base·2^n)) for any attempt and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = fullJitterDelayMs(attempt, policy, () => r);
        const w = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.max(1, w));
      }),
    );
  });

  it('grows the window by doubling up to the cap, never past it', () => {
    expect([0, 1, 2, 3].map((n) => backoffWindowMs(n, policy))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffWindowMs(40, policy)).toBe(300_000);
    expect(backoffWindowMs(100_000, policy)).toBe(300_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), (n) => backoffWindowMs(n + 1, policy) >= backoffWindowMs(n, policy)));
  });

  it('uses the whole window (full jitter, not equal jitter)', () => {
    expect(fullJitterDelayMs(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelayMs(3, policy, () => 0.999999)).toBe(3999);
  });

  it('treats Retry-After as a floor and caps it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, ra, r) => {
        const d = retryDelayMs({ attempt, retryAfterMs: ra }, policy, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.min(ra, policy.maxRetryAfterMs));
        expect(d).toBeLessThanOrEqual(Math.max(policy.capMs, policy.maxRetryAfterMs));
      }),
    );
    expect(retryDelayMs({ attempt: 0, retryAfterMs: null }, policy, () => 0)).toBe(0);
    expect(retryDelayMs({ attempt: 0, retryAfterMs: 2000 }, policy, () => 0)).toBe(2000);
    expect(retryDelayMs({ attempt: 0, retryAfterMs: 7 * 86_400_000 }, policy, () => 0)).toBe(900_000);
  });
});

describe('Retry-After parsing', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sunday, 01-Mar-26 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores anything else', () => {
    for (const v of [null, undefined, '', '-5', '1.5', 'soon', '2026-03-01T12:00:30Z', 'Sun, 01 Mar 2026 12:00:30 PST']) expect(parseRetryAfterMs(v, now)).toBeNull();
  });
  it('never returns a negative or NaN wait', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseRetryAfterMs(s, now);
      return r === null || (Number.isFinite(r) && r >= 0);
    }));
  });
});

describe('print retries use the same backoff', () => {
  it('waits the whole window of the shared backoff: failure n is attempt n − 1', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), (failures) => printRetryDelayMs(failures, DEFAULT_PRINT_RETRY) === backoffWindowMs(failures - 1, DEFAULT_PRINT_RETRY)));
    expect(printRetryDelayMs(0, DEFAULT_PRINT_RETRY)).toBe(DEFAULT_PRINT_RETRY.baseMs);
  });
});
