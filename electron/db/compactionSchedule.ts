/**
 * Compacts synced events (queries/eventCompaction.ts) between parcels: every minute, when no intake is open, one
 * bounded batch past the retention (`ECMS_EVENT_RETENTION_DAYS`, default 30), then `incremental_vacuum` hands freed
 * pages back to the file system when the database was created with auto_vacuum=INCREMENTAL (otherwise SQLite
 * reuses them for new rows). A batch takes a few milliseconds, so a parcel scanned meanwhile never waits long.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { compactSyncedEvents, DEFAULT_EVENT_RETENTION_DAYS } from './queries/eventCompaction.ts';
import { openIntakeRow } from './queries/intakes.ts';
import { StationError } from '../station/stationError.ts';

const EVERY_MS = 60_000;
const BATCH = 2000;
const VACUUM_PAGES = 256;

export interface CompactionOptions {
  readonly db: Database;
  readonly retentionDays?: number;
  readonly now?: () => number;
  readonly onError: (error: unknown) => void;
}

/** ECMS_EVENT_RETENTION_DAYS: 1 to 3650 days; unset: the default. Anything else stops the start with a message. */
export function eventRetentionDays(env: Readonly<Record<string, string | undefined>>): { retentionDays?: number } {
  const raw = env['ECMS_EVENT_RETENTION_DAYS'];
  if (raw === undefined || raw === '') return {};
  const parsed = z.coerce.number().int().min(1).max(3650).safeParse(raw);
  if (!parsed.success) throw new StationError('INVALID_REQUEST', 'ECMS_EVENT_RETENTION_DAYS must be a whole number of days from 1 to 3650.');
  return { retentionDays: parsed.data };
}

export function startEventCompaction(options: CompactionOptions): { sweep(): number; stop(): void } {
  const now = options.now ?? Date.now;
  const retentionMs = (options.retentionDays ?? DEFAULT_EVENT_RETENTION_DAYS) * 86_400_000;
  const sweep = (): number => {
    try {
      if (openIntakeRow(options.db) !== null) return 0; // a parcel is on the bench: wait for the next turn
      const n = compactSyncedEvents(options.db, { now: now(), retentionMs, batch: BATCH });
      if ((options.db.pragma('auto_vacuum', { simple: true }) as number) === 2) options.db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
      return n;
    } catch (error) {
      options.onError(error);
      return 0;
    }
  };
  const timer = setInterval(sweep, EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
