/**
 * Recovers a station whose database is lost or damaged (the `restore-backup` CLI command):
 *   1. the current station.sqlite (and its -wal/-shm) is moved aside into `damaged-<time>/`, never deleted;
 *   2. the newest backup that passes integrity_check is copied in (none: with HQ's reseed file, a new empty database
 *      for a replaced machine; without it, nothing is changed and the reason is given);
 *   3. with HQ's reseed file (hq `station-reseed`), the station's events HQ holds after the restored database's last
 *      seq are put back as already synced, with the intakes and holds they made (replayHqHistory.ts), and the station
 *      resumes after HQ's last seq: events HQ already holds are not sent again and the next event is numbered after
 *      them, so there is no SEQ_CONFLICT and no duplicate;
 *   4. the identity file is rewritten with the station's id and last seq.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { StationReseed } from '../../shared/sync/stationReseed.ts';
import { newestGoodBackup } from './backup.ts';
import { readIdentityFile, writeIdentityFile } from './identityFile.ts';
import { DATABASE_FILE, openStationDatabase } from './openStationDatabase.ts';
import { highestEventSeq } from './queries/eventSeq.ts';
import { resumeAfterHqSeq } from './queries/reseed.ts';
import { replayHqHistory, type ReplayOutcome } from './replayHqHistory.ts';
import { readSettings } from './queries/settings.ts';

export type RestoreOutcome =
  | {
      readonly ok: true; readonly restoredFrom: string | null; readonly movedAside: string | null; readonly lastSeq: number; readonly acked: number;
      /** What HQ's history put back (null: no reseed file). */
      readonly replayed: ReplayOutcome | null;
    }
  | { readonly ok: false; readonly message: string };

export function restoreStation(dataDir: string, options: { readonly reseed?: StationReseed; readonly now?: number } = {}): RestoreOutcome {
  const now = options.now ?? Date.now();
  const file = path.join(dataDir, DATABASE_FILE);
  const backup = newestGoodBackup(dataDir);
  const { identity } = readIdentityFile(dataDir);
  const reseed = options.reseed;
  if (reseed && identity && identity.stationId !== reseed.stationId) {
    return { ok: false, message: `This folder belongs to station ${identity.stationId}, but HQ's file is for ${reseed.stationId}. Nothing was changed.` };
  }
  if (!backup && !reseed) {
    return { ok: false, message: `No good backup in ${path.join(dataDir, 'backups')}. Ask HQ for a reseed file (npm run hq -- station-reseed --station ID --out FILE) and run this again with --hq-reseed FILE. Nothing was changed.` };
  }
  if (backup && !reseed && identity && backupSeq(backup) < identity.lastSeq) {
    return {
      ok: false,
      message: `The newest backup ends at record ${backupSeq(backup)}, but station ${identity.stationId} had written ${identity.lastSeq}: HQ holds the rest. ` +
        `Ask HQ for a reseed file (npm run hq -- station-reseed --station ${identity.stationId} --after-seq ${backupSeq(backup)} --out FILE) and run this again with --hq-reseed FILE. Nothing was changed.`,
    };
  }
  let movedAside: string | null = null;
  const present = [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));
  if (present.length > 0) {
    movedAside = path.join(dataDir, `damaged-${new Date(now).toISOString().replace(/[-:.]/g, '')}`);
    mkdirSync(movedAside, { recursive: true });
    for (const f of present) renameSync(f, path.join(movedAside, path.basename(f)));
  }
  if (backup) copyFileSync(backup, file);
  // Opened without the identity check: the identity is what this restore rewrites.
  const identityBefore = identity;
  const db = openWithoutIdentity(dataDir);
  try {
    const replayed = reseed ? db.transaction(() => replayHqHistory(db, reseed.events, { stationId: reseed.stationId, at: now }))() : null;
    const acked = reseed ? resumeAfterHqSeq(db, reseed.lastSeq, now).acked : 0;
    const lastSeq = highestEventSeq(db);
    const settings = readSettings(db);
    const stationId = reseed?.stationId ?? settings?.stationId ?? identityBefore?.stationId;
    const warehouse = reseed?.warehouse ?? settings?.warehouse ?? identityBefore?.warehouse;
    if (stationId && warehouse) writeIdentityFile(dataDir, { stationId, warehouse, lastSeq, updatedAt: now });
    return { ok: true, restoredFrom: backup, movedAside, lastSeq, acked, replayed };
  } finally {
    db.close();
  }
}

function backupSeq(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return highestEventSeq(db);
  } finally {
    db.close();
  }
}

/** The database opened and migrated with the identity file set aside for the moment (restore rewrites it). */
function openWithoutIdentity(dataDir: string) {
  const idFile = path.join(dataDir, 'station-identity.json');
  const parked = `${idFile}.restoring`;
  const had = existsSync(idFile);
  if (had) renameSync(idFile, parked);
  try {
    return openStationDatabase(dataDir);
  } finally {
    if (had) renameSync(parked, idFile);
  }
}
