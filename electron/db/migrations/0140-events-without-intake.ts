import type { Migration } from './migration.ts';

/**
 * Events that belong to no parcel (issue 12 item 1: OPERATOR_ADDED, OPERATOR_SIGNED_IN, …): events.intake_id may
 * now be NULL. An event that names a parcel still must name one that exists (the REFERENCES stays).
 *
 * SQLite cannot drop a NOT NULL in place, so `events` is rebuilt (SQLite's documented procedure, ALTER TABLE
 * "making other kinds of table schema changes"), inside the migration's one transaction. outbox, sync_dead_letters,
 * sync_dead_letter_resolutions and photos refer to events(seq), and PRAGMA foreign_keys cannot change inside a
 * transaction, so the references are deferred instead (PRAGMA defer_foreign_keys, reset at commit): the rows go to a
 * temporary copy, `events` is dropped and created again under its own name (so every reference to it still reads
 * right, nothing renamed), and the rows come back with their own seq, which satisfies every deferred reference again
 * before the commit checks them. Every index and trigger on events is created again from its stored SQL, so steps
 * other migrations added are kept. The AUTOINCREMENT high-water mark (sqlite_sequence) is kept too: compaction and a
 * reseed from HQ can leave it above the highest seq still stored, and a seq must never be reused.
 */
const OLD_COLUMN = 'intake_id   TEXT NOT NULL REFERENCES intakes(intake_id)';
const NEW_COLUMN = 'intake_id   TEXT REFERENCES intakes(intake_id)';

const migration: Migration = {
  version: 140,
  name: 'events-without-intake',
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'").pluck().get();
    if (typeof table !== 'string' || !table.includes(OLD_COLUMN)) throw new Error('events is not as migration 10 made it: cannot make its intake_id optional');
    const dependents = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'events' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid")
      .pluck()
      .all() as string[];
    const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get() as number | undefined;
    db.pragma('defer_foreign_keys = ON');
    db.exec('CREATE TEMP TABLE events_during_rebuild AS SELECT * FROM events');
    db.exec('DROP TABLE events');
    db.exec(table.replace(OLD_COLUMN, NEW_COLUMN));
    db.exec(`INSERT INTO events (seq, event_id, command_id, intake_id, type, payload, captured_at)
             SELECT seq, event_id, command_id, intake_id, type, payload, captured_at FROM events_during_rebuild ORDER BY seq`);
    db.exec('DROP TABLE temp.events_during_rebuild');
    if (sequence !== undefined) {
      const has = db.prepare("SELECT 1 FROM sqlite_sequence WHERE name = 'events'").get();
      if (has) db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'").run(sequence);
      else db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(sequence);
    }
    for (const sql of dependents) db.exec(sql);
  },
};
export default migration;
