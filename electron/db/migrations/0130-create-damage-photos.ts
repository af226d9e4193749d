import type { Migration } from './migration.ts';

/**
 * Damage evidence photos (issue 12, item 5): one row per photo kept, metadata only — the image itself is a file in
 * `<data dir>/photos/` named by `file_name`. `keep_until` is the end of the carrier's damage-claim window; no
 * purge may delete the file before it. `event_seq` is the PHOTO_TAKEN event: the file is sent to HQ once HQ has
 * acknowledged that event, with backoff after a failure (`upload_attempts`, `next_upload_at`).
 */
const migration: Migration = {
  version: 130,
  name: 'create-damage-photos',
  up(db) {
    db.exec(`
      CREATE TABLE photos (
        photo_id         TEXT PRIMARY KEY,
        intake_id        TEXT NOT NULL REFERENCES intakes(intake_id),
        command_id       TEXT NOT NULL UNIQUE,
        event_seq        INTEGER NOT NULL REFERENCES events(seq),
        mime             TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
        bytes            INTEGER NOT NULL CHECK (bytes > 0),
        sha256           TEXT NOT NULL,
        file_name        TEXT NOT NULL,
        operator         TEXT NOT NULL,
        taken_at         INTEGER NOT NULL,
        keep_until       INTEGER NOT NULL,
        uploaded_at      INTEGER,
        upload_attempts  INTEGER NOT NULL DEFAULT 0,
        next_upload_at   INTEGER NOT NULL DEFAULT 0,
        last_upload_error TEXT
      ) STRICT;
      CREATE INDEX photos_by_intake ON photos(intake_id, taken_at);
      CREATE INDEX photos_waiting_upload ON photos(next_upload_at) WHERE uploaded_at IS NULL;
    `);
  },
};
export default migration;
