import type { Migration } from './migration.ts';

/**
 * Sync bookkeeping (electron/sync): the last acknowledgement HQ gave (a single row), why each dead-lettered event was
 * refused (the outbox row keeps state 'dead'; the event itself stays in events, untouched), and pulled items the
 * station could not read (kept, not dropped, so a person can see them).
 */
const migration: Migration = {
  version: 40,
  name: 'create-sync-state',
  up(db) {
    db.exec(`
      CREATE TABLE sync_push_state (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        last_ack_seq  INTEGER NOT NULL DEFAULT 0,
        last_ack_at   INTEGER
      ) STRICT;
      INSERT INTO sync_push_state (id, last_ack_seq, last_ack_at) VALUES (1, 0, NULL);

      CREATE TABLE sync_dead_letters (
        seq      INTEGER PRIMARY KEY REFERENCES events(seq),
        code     TEXT NOT NULL,
        message  TEXT NOT NULL,
        dead_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_quarantine (
        id           INTEGER PRIMARY KEY,
        stream       TEXT NOT NULL,
        item_key     TEXT,
        error        TEXT NOT NULL,
        raw_json     TEXT NOT NULL,
        received_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
