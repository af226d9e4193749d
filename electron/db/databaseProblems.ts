/**
 * The plain messages a station database problem stops the station with: what is wrong, the file's path, and the
 * command that recovers it. Never a raw better-sqlite3 message or stack trace.
 */
import { StationError } from '../station/stationError.ts';

export function recoveryCommand(dataDir: string): string {
  return `npm run cli -- restore-backup --data-dir ${JSON.stringify(dataDir)}`;
}

const then = (dataDir: string) => ` To recover, run: ${recoveryCommand(dataDir)} (it restores the newest good backup; the station then catches up with HQ).`;

export function databaseCorrupt(file: string, dataDir: string, what: string): StationError {
  return new StationError('DATABASE_CORRUPT', `The station database ${file} ${what}. Nothing was changed.${then(dataDir)}`);
}

export function databaseMissing(file: string, dataDir: string, stationId: string, lastSeq: number): StationError {
  return new StationError(
    'DATABASE_MISSING',
    `The station database ${file} is missing or behind, but this folder belongs to station ${stationId} (last record ${lastSeq}). ` +
      `The station will not start as a new one.${then(dataDir)}`,
  );
}

export function databaseReadOnly(file: string): StationError {
  return new StationError(
    'DATABASE_READ_ONLY',
    `The station database ${file} (or its folder) cannot be written. Ask IT to give the station's user write access to it, or free the disk if it is mounted read-only, then start again.`,
  );
}

const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH', 'EACCES', 'EPERM', 'EROFS']);
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

/** A failure while opening or checking the database, as a plain station error; anything else is returned as is. */
export function openFailure(error: unknown, file: string, dataDir: string): unknown {
  if (error instanceof StationError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (READ_ONLY_CODES.has(code)) return databaseReadOnly(file);
  if (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT')) return databaseCorrupt(file, dataDir, 'is damaged (it is not a readable SQLite database)');
  if (code.startsWith('SQLITE_READONLY')) return databaseReadOnly(file);
  return error;
}
