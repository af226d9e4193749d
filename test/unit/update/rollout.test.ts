/** Staged rollout (hq/updates/rolloutBucket.ts) and the feed.json schema (hq/updates/feedConfig.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { releaseFor, rolloutBucket } from '../../../hq/updates/rolloutBucket.ts';
import { FeedConfigSchema, type FeedConfig } from '../../../hq/updates/feedConfig.ts';

const stationId = fc.stringMatching(/^(LAX|CHI)-[A-Z0-9-]{1,12}$/);

describe('staged rollout', () => {
  it('gives a station the same bucket at every check, within 0–99', () => {
    fc.assert(fc.property(stationId, (id) => {
      const b = rolloutBucket(id);
      expect(b).toBe(rolloutBucket(id));
      expect(b >= 0 && b < 100).toBe(true);
    }));
  });

  it('raising the percentage only ever adds stations; a listed station is always in; 0 % and 100 % are none and all', () => {
    fc.assert(fc.property(stationId, fc.nat({ max: 100 }), fc.nat({ max: 100 }), fc.boolean(), (id, a, b, listed) => {
      const config = (percentage: number): FeedConfig => ({ release: '0.2.0', fallback: '0.1.0', rollout: { stations: listed ? [id] : [], percentage } });
      const [low, high] = a <= b ? [a, b] : [b, a];
      if (releaseFor(config(low), id) === '0.2.0') expect(releaseFor(config(high), id)).toBe('0.2.0');
      if (listed) expect(releaseFor(config(low), id)).toBe('0.2.0');
      else expect(releaseFor(config(0), id)).toBe('0.1.0');
      expect(releaseFor(config(100), id)).toBe('0.2.0');
    }));
  });

  it('spreads stations over the buckets (a 25 % rollout reaches roughly a quarter of 2000 stations)', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `LAX-DOCK-${i}`);
    const config: FeedConfig = { release: '0.2.0', fallback: '0.1.0', rollout: { stations: [], percentage: 25 } };
    const share = ids.filter((id) => releaseFor(config, id) === '0.2.0').length / ids.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('without a rollout every station gets the release', () => {
    expect(releaseFor({ release: '0.3.0' }, 'CHI-1')).toBe('0.3.0');
  });
});

describe('feed.json', () => {
  it('accepts a plain release and a staged rollout with its fallback', () => {
    expect(FeedConfigSchema.parse({ release: '0.2.0' })).toEqual({ release: '0.2.0' });
    expect(FeedConfigSchema.parse({ release: '0.2.0', fallback: '0.1.0', rollout: { percentage: 10 } }).rollout).toEqual({ stations: [], percentage: 10 });
  });

  it('refuses a rollout without a fallback, a percentage out of range, a folder-like version and unknown keys', () => {
    expect(FeedConfigSchema.safeParse({ release: '0.2.0', rollout: { percentage: 10 } }).success).toBe(false);
    expect(FeedConfigSchema.safeParse({ release: '0.2.0', fallback: '0.1.0', rollout: { percentage: 101 } }).success).toBe(false);
    expect(FeedConfigSchema.safeParse({ release: '../etc' }).success).toBe(false);
    expect(FeedConfigSchema.safeParse({ release: '0.2.0', stagingPercentage: 5 }).success).toBe(false);
  });
});
