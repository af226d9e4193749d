/**
 * Purges consignee names from the station's manifests (queries/manifests.ts purgeConsigneeNames) and the bodies of
 * print jobs that are no longer waiting to print (queries/printJobRetention.ts) at start and then periodically: after
 * `retentionDays`, and at once for parcels that were synced and left the building. One sweep is one transaction.
 */
import type { Database } from 'better-sqlite3';
import { purgeConsigneeNames } from './queries/manifests.ts';
import { purgePrintJobBodies } from './queries/printJobRetention.ts';

export const DEFAULT_MANIFEST_RETENTION_DAYS = 30;
const SWEEP_EVERY_MS = 10 * 60_000;

export interface RetentionOptions {
  readonly db: Database;
  readonly retentionDays?: number;
  readonly now?: () => number;
  readonly onError: (error: unknown) => void;
}

/** What one sweep purged. */
export interface RetentionSweep {
  readonly manifests: number;
  readonly printJobs: number;
}

export function startRetention(options: RetentionOptions): { sweep(): RetentionSweep; stop(): void } {
  const now = options.now ?? Date.now;
  const retentionMs = (options.retentionDays ?? DEFAULT_MANIFEST_RETENTION_DAYS) * 86_400_000;
  const sweep = (): RetentionSweep => {
    try {
      return options.db.transaction(() => {
        const at = { now: now(), retentionMs };
        return { manifests: purgeConsigneeNames(options.db, at), printJobs: purgePrintJobBodies(options.db, at) };
      })();
    } catch (error) {
      options.onError(error);
      return { manifests: 0, printJobs: 0 };
    }
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
