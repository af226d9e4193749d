/**
 * Rotating backups of the station database: `VACUUM INTO` a new file in `<data dir>/backups/`, checked with
 * `PRAGMA integrity_check` before it counts, the newest `keep` good ones kept. File names sort by time
 * (station-YYYYMMDDTHHMMSSmmmZ.sqlite), so the newest is the last. A backup that fails its check is deleted and
 * reported, never kept as if good.
 */
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUP_KEEP = 7;
const NAME = /^station-(\d{8}T\d{9}Z)\.sqlite$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:.]/g, '');
}

/** True when the file is a SQLite database that passes integrity_check. Opens it read-only. */
export function verifyBackup(file: string): boolean {
  let db: DB | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Backup files, newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => NAME.test(f)).sort().reverse().map((f) => path.join(dir, f));
}

/** The newest backup that passes integrity_check, or null. */
export function newestGoodBackup(dataDir: string): string | null {
  return listBackups(dataDir).find(verifyBackup) ?? null;
}

export interface BackupResult {
  readonly file: string;
  /** Older backups deleted to keep `keep`. */
  readonly removed: readonly string[];
}

export class BackupFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFailed';
  }
}

export function backupStationDatabase(db: DB, dataDir: string, options: { readonly keep?: number; readonly now?: number } = {}): BackupResult {
  const keep = Math.max(1, options.keep ?? DEFAULT_BACKUP_KEEP);
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  let at = options.now ?? Date.now();
  let file = path.join(dir, `station-${stamp(at)}.sqlite`);
  while (existsSync(file)) file = path.join(dir, `station-${stamp(++at)}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  if (!verifyBackup(file)) {
    rmSync(file, { force: true });
    throw new BackupFailed(`The backup ${file} failed its integrity check and was deleted; the previous backups are kept.`);
  }
  const removed = listBackups(dataDir).slice(keep);
  for (const old of removed) rmSync(old, { force: true });
  return { file, removed };
}
