/**
 * Database loss and corruption at start (issue 14, M4 and the Low items): each case stops with a typed StationError
 * whose message names the file and the recovery command, never a raw better-sqlite3 message, and never changes the
 * file or starts a new identity.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { writeIdentityFile } from '../../../electron/db/identityFile.ts';
import { StationError } from '../../../electron/station/stationError.ts';
import { makeTempDir } from '../../support/tempDir.ts';

let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  if (temp) chmodSync(temp.dir, 0o755);
  temp?.cleanup();
  temp = null;
});
const dir = () => (temp ??= makeTempDir('open-db')).dir;
const dbFile = () => path.join(dir(), DATABASE_FILE);
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function refusal(): StationError {
  try {
    openStationDatabase(dir()).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StationError);
    return error as StationError;
  }
  throw new Error('the database was opened');
}
function expectPlain(error: StationError) {
  expect(error.message).not.toMatch(/SqliteError|SQLITE_|at .*\.ts:\d+|node_modules/);
}

describe('opening the station database', () => {
  it('M4: an empty (0-byte) database stops with DATABASE_CORRUPT, the path and the recovery command; the file stays empty', () => {
    writeFileSync(dbFile(), '');
    const e = refusal();
    expect(e.code).toBe('DATABASE_CORRUPT');
    expect(e.message).toContain(dbFile());
    expect(e.message).toContain('npm run cli -- restore-backup --data-dir');
    expectPlain(e);
    expect(readFileSync(dbFile()).length).toBe(0);
  });

  it('a file that is not a database gives DATABASE_CORRUPT, not a raw stack trace', () => {
    writeFileSync(dbFile(), Buffer.alloc(8192, 0x5a));
    const before = hash(dbFile());
    const e = refusal();
    expect(e.code).toBe('DATABASE_CORRUPT');
    expectPlain(e);
    expect(hash(dbFile())).toBe(before);
  });

  it('a database with a damaged page fails quick_check and stops with DATABASE_CORRUPT', () => {
    const db = openStationDatabase(dir());
    db.prepare('CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT NOT NULL) STRICT').run();
    const insert = db.prepare('INSERT INTO filler (t) VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(80)}`); })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(dbFile());
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // Scribble over the last pages (the filler table's b-tree).
    for (let p = pages - 3; p < pages; p++) bytes.fill(0xa5, p * pageSize + 8, (p + 1) * pageSize);
    writeFileSync(dbFile(), bytes);
    const e = refusal();
    expect(e.code).toBe('DATABASE_CORRUPT');
    expectPlain(e);
  });

  it('M4: a deleted database in a folder that belonged to a registered station stops with DATABASE_MISSING; no new database is made', () => {
    openStationDatabase(dir()).close();
    writeIdentityFile(dir(), { stationId: 'LAX-DOCK-3', warehouse: 'LAX', lastSeq: 42, updatedAt: 1 });
    for (const f of [dbFile(), `${dbFile()}-wal`, `${dbFile()}-shm`]) rmSync(f, { force: true });
    const e = refusal();
    expect(e.code).toBe('DATABASE_MISSING');
    expect(e.message).toContain('LAX-DOCK-3');
    expect(e.message).toContain('restore-backup');
    expect(existsSync(dbFile())).toBe(false);
  });

  it('a database behind the last seq the identity file recorded (an old copy put back) is refused too', () => {
    openStationDatabase(dir()).close();
    writeIdentityFile(dir(), { stationId: 'LAX-DOCK-3', warehouse: 'LAX', lastSeq: 42, updatedAt: 1 });
    expect(refusal().code).toBe('DATABASE_MISSING');
  });

  it('a read-only database stops with DATABASE_READ_ONLY and a plain message', () => {
    openStationDatabase(dir()).close();
    chmodSync(dbFile(), 0o444);
    const e = refusal();
    expect(e.code).toBe('DATABASE_READ_ONLY');
    expect(e.message).toContain(dbFile());
    expectPlain(e);
  });

  for (const mode of ['DELETE', 'WAL'] as const) {
    it(`a newer-version database in ${mode} journal mode is refused and left byte for byte as it was`, () => {
      const raw = new Database(dbFile());
      raw.pragma(`journal_mode = ${mode}`);
      raw.prepare('CREATE TABLE t (x INTEGER)').run();
      raw.pragma('user_version = 999');
      if (mode === 'WAL') raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
      const before = hash(dbFile());
      const e = refusal();
      expect(e.code).toBe('DATABASE_TOO_NEW');
      expect(hash(dbFile())).toBe(before);
      const check = new Database(dbFile(), { readonly: true });
      expect(String(check.pragma('journal_mode', { simple: true })).toUpperCase()).toBe(mode);
      check.close();
    });
  }

  it('a new folder with no identity file still starts a new station', () => {
    const db = openStationDatabase(dir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
