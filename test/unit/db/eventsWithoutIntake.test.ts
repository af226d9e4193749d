/**
 * Migration 0140 rebuilds `events` so an event may belong to no parcel (operator events, issue 12 item 1). An older
 * database keeps every event, outbox row, dead letter, resolution and photo; the references to events and intakes
 * are still enforced; the outbox counters' triggers still fire; the index on events is back; and a seq is never
 * reused, even when the highest seq was compacted away.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';

const BEFORE = MIGRATIONS.filter((m) => m.version < 140);

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE);
});
afterEach(() => db.close());

function seedOlderDatabase(): void {
  db.prepare(`INSERT INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, tracking, operator, created_at, updated_at)
              VALUES ('I1', 'LAX-01', 'decided', 'RAW', 'tracking', 'T1', '9001', 1, 1)`).run();
  const event = db.prepare('INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (let i = 1; i <= 5; i++) {
    event.run(`E${i}`, `C${i}`, 'I1', 'INTAKE_SCANNED', JSON.stringify({ i }), i);
    db.prepare('INSERT INTO outbox (seq) VALUES (?)').run(i);
  }
  db.prepare("UPDATE outbox SET state = 'acked' WHERE seq <= 2").run();
  db.prepare("UPDATE outbox SET state = 'dead' WHERE seq = 3").run();
  db.prepare("INSERT INTO sync_dead_letters (seq, code, message, dead_at) VALUES (3, 'INVALID_PAYLOAD', 'bad', 10)").run();
  db.prepare("INSERT INTO sync_dead_letter_resolutions (seq, resolved_by, note, resolved_at) VALUES (3, '9001', 'looked at it', 11)").run();
  db.prepare(`INSERT INTO photos (photo_id, intake_id, command_id, event_seq, mime, bytes, sha256, file_name, operator, taken_at, keep_until)
              VALUES ('P1', 'I1', 'C-photo', 4, 'image/jpeg', 10, 'ab', 'P1.jpg', '9001', 1, 2)`).run();
  // The highest event was compacted away: the next seq must still be 7, never 6 again.
  db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E6', 'C6', 'I1', 'INTAKE_FINISHED', '{}', 6)").run();
  db.prepare('DELETE FROM events WHERE seq = 6').run();
}

const snapshot = (): unknown => ({
  events: db.prepare('SELECT * FROM events ORDER BY seq').all(),
  outbox: db.prepare('SELECT * FROM outbox ORDER BY seq').all(),
  counts: db.prepare('SELECT * FROM outbox_counts ORDER BY state').all(),
  dead: db.prepare('SELECT * FROM sync_dead_letters').all(),
  resolutions: db.prepare('SELECT * FROM sync_dead_letter_resolutions').all(),
  photos: db.prepare('SELECT photo_id, event_seq FROM photos').all(),
});

describe('migration 0140: events without an intake', () => {
  it('keeps every row of an older database and lets a new event name no intake', () => {
    seedOlderDatabase();
    const before = snapshot();
    migrate(db, MIGRATIONS);
    expect(snapshot()).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const info = db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E7', 'C7', NULL, 'OPERATOR_ADDED', '{}', 7)").run();
    expect(Number(info.lastInsertRowid)).toBe(7);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'events'").pluck().get()).toMatch(/intake_id\s+TEXT REFERENCES intakes\(intake_id\)/);
  });

  it('still enforces the references to and from events, and the outbox counters still count', () => {
    seedOlderDatabase();
    migrate(db, MIGRATIONS);
    expect(() => db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E8', 'C8', 'NO-SUCH', 'X', '{}', 8)").run())
      .toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO outbox (seq) VALUES (999)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 4').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E1', 'C9', NULL, 'X', '{}', 9)").run())
      .toThrow(/UNIQUE/);

    const pending = (): unknown => db.prepare("SELECT n FROM outbox_counts WHERE state = 'pending'").pluck().get();
    const wasPending = pending();
    const seq = Number(db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E10', 'C10', NULL, 'OPERATOR_SIGNED_IN', '{}', 10)").run().lastInsertRowid);
    db.prepare('INSERT INTO outbox (seq) VALUES (?)').run(seq);
    expect(pending()).toBe(Number(wasPending) + 1);
    db.prepare("UPDATE outbox SET state = 'acked' WHERE seq = ?").run(seq);
    expect(pending()).toBe(wasPending);
  });

  it('re-creates the index on events, so lookups by intake still use it', () => {
    seedOlderDatabase();
    migrate(db, MIGRATIONS);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toContain('events_by_intake');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT seq FROM events WHERE intake_id = 'I1' ORDER BY seq").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/events_by_intake/);
  });

  it('migrates an empty database too, and leaves no temporary copy behind', () => {
    migrate(db, MIGRATIONS);
    expect(db.prepare("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'events_during_rebuild'").pluck().get()).toBe(0);
    const seq = Number(db.prepare("INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES ('E1', 'C1', NULL, 'OPERATOR_ADDED', '{}', 1)").run().lastInsertRowid);
    expect(seq).toBe(1);
  });
});
