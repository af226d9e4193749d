import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupStationDatabase, listBackups, newestGoodBackup, verifyBackup } from '../../../electron/db/backup.ts';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { makeTempDir } from '../../support/tempDir.ts';

let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  temp?.cleanup();
  temp = null;
});

describe('rotating backups', () => {
  it('VACUUM INTO a checked copy, keeps the newest N, and finds the newest good one past a damaged file', () => {
    temp = makeTempDir('backup');
    const db = openStationDatabase(temp.dir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v1')").run();
    const t0 = Date.UTC(2026, 10, 1);
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      db.prepare("UPDATE settings SET value = ? WHERE key = 'k'").run(`v${i}`);
      files.push(backupStationDatabase(db, temp.dir, { keep: 3, now: t0 + i * 60_000 }).file);
    }
    db.close();
    expect(listBackups(temp.dir)).toEqual(files.slice(2).reverse());
    for (const f of listBackups(temp.dir)) expect(verifyBackup(f)).toBe(true);
    const copy = new Database(files[4]!, { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v4' });
    copy.close();
    // The newest backup is damaged: the one before it is the newest good one.
    writeFileSync(files[4]!, Buffer.alloc(4096, 1));
    expect(newestGoodBackup(temp.dir)).toBe(files[3]);
    expect(path.dirname(files[3]!)).toBe(path.join(temp.dir, 'backups'));
  });
});
