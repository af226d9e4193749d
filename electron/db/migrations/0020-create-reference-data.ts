import type { Migration } from './migration.ts';

/**
 * Reference data pulled from HQ (or seeded from resources/ in the demo): pre-alert manifests with an index from
 * inbound tracking numbers, versioned reference documents (rate cards, prohibited-goods rules) and the pull cursor
 * of each stream.
 */
const migration: Migration = {
  version: 20,
  name: 'create-reference-data',
  up(db) {
    db.exec(`
      CREATE TABLE manifests (
        waybill      TEXT PRIMARY KEY,
        warehouse    TEXT NOT NULL,
        destination  TEXT NOT NULL,
        entry_json   TEXT NOT NULL,
        updated_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE manifest_tracking (
        tracking TEXT NOT NULL,
        waybill  TEXT NOT NULL REFERENCES manifests(waybill) ON DELETE CASCADE,
        PRIMARY KEY (tracking, waybill)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX manifest_tracking_by_waybill ON manifest_tracking(waybill);

      CREATE TABLE reference_docs (
        kind        TEXT NOT NULL,
        doc_id      TEXT NOT NULL,
        version     TEXT NOT NULL,
        body_json   TEXT NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (kind, doc_id)
      ) STRICT;

      CREATE TABLE sync_cursors (
        stream      TEXT PRIMARY KEY,
        cursor      TEXT,
        updated_at  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
