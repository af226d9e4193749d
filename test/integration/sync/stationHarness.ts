/**
 * Station-side test fixtures: a migrated station database in a temp dir (same pragmas as the app), events written
 * the way the station writes them (intake + event + outbox row in one transaction), and reads of the outbox.
 */
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';

export interface TestStationDb {
  readonly db: DB;
  readonly dir: string;
  close(): void;
}

export function openTestStationDb(options: { synchronous?: 'FULL' | 'OFF' } = {}): TestStationDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecms-station-'));
  const db = new Database(path.join(dir, 'station.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  return {
    db,
    dir,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes `count` events (each with its intake and outbox row) in one transaction; returns their seqs. */
export function writeEvents(db: DB, stationId: string, count: number, payload: (i: number) => unknown = (i) => ({ n: i, note: 'test event' })): number[] {
  const insIntake = db.prepare(
    `INSERT INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, tracking, operator, created_at, updated_at)
     VALUES (?, ?, 'scanned', ?, 'test', ?, 'tester', ?, ?)`,
  );
  const insEvent = db.prepare('INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insOutbox = db.prepare('INSERT INTO outbox (seq) VALUES (?)');
  const seqs: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const intakeId = randomUUID();
      const now = Date.now();
      insIntake.run(intakeId, stationId, `SCAN${i}`, `TRK${i}`, now, now);
      const p = payload(i);
      const text = typeof p === 'string' ? p : JSON.stringify(p);
      const info = insEvent.run(randomUUID(), randomUUID(), intakeId, 'intake.scanned', text, now);
      const seq = Number(info.lastInsertRowid);
      insOutbox.run(seq);
      seqs.push(seq);
    }
  })();
  return seqs;
}

export function outboxStates(db: DB): Record<string, number> {
  const rows = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export function eventIds(db: DB): Map<number, string> {
  const rows = db.prepare('SELECT seq, event_id FROM events ORDER BY seq').all() as Array<{ seq: number; event_id: string }>;
  return new Map(rows.map((r) => [r.seq, r.event_id]));
}
