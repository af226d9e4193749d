import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commandRateLimiter } from '../../../electron/host/commandRateLimit.ts';

describe('the per-connection command rate limit', () => {
  it('allows a burst, then refuses until time refills it at the sustained rate', () => {
    let t = 0;
    const limiter = commandRateLimiter({ burst: 5, perSecond: 2, now: () => t });
    expect(Array.from({ length: 7 }, () => limiter.take())).toEqual([true, true, true, true, true, false, false]);
    t += 499;
    expect(limiter.take()).toBe(false);
    t += 1;
    expect(limiter.take()).toBe(true);
    t += 60_000;
    expect(Array.from({ length: 6 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
  });

  it('over any sequence of sends, never allows more than burst + rate × elapsed time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }), (burst, perSecond, gaps) => {
        let t = 0;
        const limiter = commandRateLimiter({ burst, perSecond, now: () => t });
        let allowed = 0;
        for (const gap of gaps) {
          t += gap;
          if (limiter.take()) allowed++;
        }
        expect(allowed).toBeLessThanOrEqual(burst + (t / 1000) * perSecond + 1e-9);
        // A sender that waits a full refill between sends is never refused.
        const patient = commandRateLimiter({ burst, perSecond, now: () => t });
        for (let i = 0; i < 20; i++) {
          t += Math.ceil(1000 / perSecond);
          expect(patient.take()).toBe(true);
        }
      }),
    );
  });
});
