/**
 * Backs the station database up on a schedule and once more at a clean shutdown (backup.ts), and keeps the identity
 * file (identityFile.ts) up to date with the last event seq each time. A failed backup is reported, never fatal.
 */
import type { Database } from 'better-sqlite3';
import { backupStationDatabase, DEFAULT_BACKUP_KEEP } from './backup.ts';
import { writeIdentityFile } from './identityFile.ts';
import { highestEventSeq } from './queries/eventSeq.ts';

export const DEFAULT_BACKUP_INTERVAL_MS = 60 * 60_000;

export interface BackupScheduleOptions {
  readonly db: Database;
  readonly dataDir: string;
  readonly identity: () => { readonly stationId: string; readonly warehouse: string };
  readonly intervalMs?: number;
  readonly keep?: number;
  readonly now?: () => number;
  readonly onBackup?: (file: string) => void;
  readonly onError: (error: unknown) => void;
}

export interface BackupSchedule {
  /** Records the identity and last seq now (cheap; done at start, after each backup and at shutdown). */
  recordIdentity(): void;
  backupNow(): string | null;
  /** Stops the schedule and takes the shutdown backup (call before the database closes). */
  stop(): void;
}

export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const now = options.now ?? Date.now;
  const schedule: BackupSchedule = {
    recordIdentity() {
      const id = options.identity();
      writeIdentityFile(options.dataDir, { stationId: id.stationId, warehouse: id.warehouse, lastSeq: highestEventSeq(options.db), updatedAt: now() });
    },
    backupNow() {
      try {
        const { file } = backupStationDatabase(options.db, options.dataDir, { keep: options.keep ?? DEFAULT_BACKUP_KEEP, now: now() });
        schedule.recordIdentity();
        options.onBackup?.(file);
        return file;
      } catch (error) {
        options.onError(error);
        return null;
      }
    },
    stop() {
      clearInterval(timer);
      schedule.backupNow();
    },
  };
  schedule.recordIdentity();
  const timer = setInterval(() => schedule.backupNow(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  timer.unref();
  return schedule;
}
