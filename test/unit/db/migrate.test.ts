import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { migrate, latestVersion } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { openStationDatabase, DATABASE_FILE } from '../../../electron/db/openStationDatabase.ts';
import { StationError } from '../../../electron/station/stationError.ts';
import { makeTempDir } from '../../support/tempDir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => { temp = makeTempDir('migrate'); });
afterEach(() => temp.cleanup());

describe('migrations', () => {
  it('one numbered file per migration, all registered in order with strictly increasing versions', () => {
    const dir = path.join(import.meta.dirname, '../../../electron/db/migrations');
    const files = readdirSync(dir).filter((f) => /^\d{4}-.*\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version));
    for (const file of files) expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(/version: \d+/);
  });

  it('creates STRICT tables, WAL with synchronous=FULL, and records the version', () => {
    const db = openStationDatabase(temp.dir);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
    // A full-text index (CREATE VIRTUAL TABLE … USING fts5) and the shadow tables SQLite makes for it are SQLite's own.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    openStationDatabase(temp.dir).close();
    const file = path.join(temp.dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.pragma('user_version = 9990');
    raw.close();
    const before = readFileSync(file);
    expect(() => openStationDatabase(temp.dir)).toThrowError(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }) as unknown as Error);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('runs all pending steps in one transaction: a failing step leaves the schema as it was', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: 9000, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;') }];
    expect(() => migrate(db, broken)).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('rejects migrations listed out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [...MIGRATIONS].reverse())).toThrow(/out of order/);
  });

  it('the outbox query uses its index', () => {
    const db = openStationDatabase(temp.dir);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT seq FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 500").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/outbox_by_state/);
    db.close();
  });

  it('StationError carries its code', () => {
    expect(new StationError('STORAGE_FULL', 'x').code).toBe('STORAGE_FULL');
  });
});
