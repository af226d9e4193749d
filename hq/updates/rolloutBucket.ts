/**
 * Staged rollout: which release a station is given. A station's bucket (0–99) comes from a hash of its id, so it is
 * the same at every check and raising the percentage only ever adds stations.
 */
import { createHash } from 'node:crypto';
import type { FeedConfig } from './feedConfig.ts';

export function rolloutBucket(stationId: string): number {
  return createHash('sha256').update(stationId, 'utf8').digest().readUInt32BE(0) % 100;
}

export function releaseFor(config: FeedConfig, stationId: string): string {
  const { rollout, fallback } = config;
  if (rollout === undefined || fallback === undefined) return config.release;
  const included = rollout.stations.includes(stationId) || rolloutBucket(stationId) < rollout.percentage;
  return included ? config.release : fallback;
}
