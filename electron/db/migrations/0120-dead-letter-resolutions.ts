import type { Migration } from './migration.ts';

/**
 * A lead's "resolved" on a dead letter (issue 12, exceptions): the event stays dead and stays in the log; this row
 * says who looked at it, when and why, so it leaves the list of exceptions. A retry deletes the dead letter instead.
 */
const migration: Migration = {
  version: 120,
  name: 'dead-letter-resolutions',
  up(db) {
    db.exec(`
      CREATE TABLE sync_dead_letter_resolutions (
        seq          INTEGER PRIMARY KEY REFERENCES events(seq),
        resolved_by  TEXT NOT NULL,
        note         TEXT NOT NULL,
        resolved_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
