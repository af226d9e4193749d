/**
 * Opens (creating if needed) the station database in a data directory and brings it to the newest schema.
 * WAL for concurrent reads; synchronous=FULL so a committed intake survives power loss, not only a crash
 * (~6 k commits/s measured on a 2-core VM — far above what a station writes).
 *
 * Before anything is written the file is checked (issue 14, M4): an empty (0-byte) or damaged file, or one that fails
 * `PRAGMA quick_check`, a missing or behind database in a folder whose identity file (identityFile.ts) says it belonged
 * to a registered station, a read-only file or folder, and a database from a newer build all stop with a typed
 * StationError whose message has the path and the recovery command — never a new identity silently, never a raw
 * better-sqlite3 trace. The check opens the file read-only, so a refused database is never modified (a "newer"
 * DELETE-journal database is not switched to WAL).
 */
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { latestVersion, migrate, tooNewError } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { databaseCorrupt, databaseMissing, databaseReadOnly, openFailure } from './databaseProblems.ts';
import { readIdentityFile } from './identityFile.ts';
import { highestEventSeq } from './queries/eventSeq.ts';

export const DATABASE_FILE = 'station.sqlite';

const noWriteBits = (file: string) => (statSync(file).mode & 0o222) === 0;

/** Read-only look at an existing file: size, permissions, quick_check, schema version. Writes nothing. */
export function checkExistingDatabase(file: string, dataDir: string): void {
  if (statSync(file).size === 0) throw databaseCorrupt(file, dataDir, 'is empty (0 bytes)');
  const check = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const rows = check.pragma('quick_check') as Array<{ quick_check: string }>;
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw databaseCorrupt(file, dataDir, 'fails its integrity check');
    const version = check.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion(MIGRATIONS)) throw tooNewError(version, latestVersion(MIGRATIONS));
  } finally {
    check.close();
  }
  if (noWriteBits(file) || noWriteBits(dataDir)) throw databaseReadOnly(file);
}

export function openStationDatabase(dataDir: string): DB {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    const { identity, damaged } = readIdentityFile(dataDir);
    if (damaged) throw databaseCorrupt(path.join(dataDir, 'station-identity.json'), dataDir, 'beside the database is not readable, so the station cannot tell which station this folder is');
    if (existsSync(file)) checkExistingDatabase(file, dataDir);
    else if (identity) throw databaseMissing(file, dataDir, identity.stationId, identity.lastSeq);
    else if (noWriteBits(dataDir)) throw databaseReadOnly(file);
    const db = new Database(file, { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('journal_size_limit = 67108864');
      // Purged consignee names (retention) must not linger in freed pages.
      db.pragma('secure_delete = ON');
      migrate(db, MIGRATIONS);
      if (identity && highestEventSeq(db) < identity.lastSeq) throw databaseMissing(file, dataDir, identity.stationId, identity.lastSeq);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    throw openFailure(error, file, dataDir);
  }
}
