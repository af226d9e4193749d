/**
 * Purges consignee names from the station's manifests (queries/manifests.ts purgeConsigneeNames) at start and then
 * periodically: after `retentionDays`, and at once for parcels that were synced and left the building.
 */
import type { Database } from 'better-sqlite3';
import { purgeConsigneeNames } from './queries/manifests.ts';

export const DEFAULT_MANIFEST_RETENTION_DAYS = 30;
const SWEEP_EVERY_MS = 10 * 60_000;

export interface RetentionOptions {
  readonly db: Database;
  readonly retentionDays?: number;
  readonly now?: () => number;
  readonly onError: (error: unknown) => void;
}

export function startRetention(options: RetentionOptions): { sweep(): number; stop(): void } {
  const now = options.now ?? Date.now;
  const retentionMs = (options.retentionDays ?? DEFAULT_MANIFEST_RETENTION_DAYS) * 86_400_000;
  const sweep = (): number => {
    try {
      return options.db.transaction(() => purgeConsigneeNames(options.db, { now: now(), retentionMs }))();
    } catch (error) {
      options.onError(error);
      return 0;
    }
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
