import type { Migration } from './migration.ts';

/**
 * The intake record, the station's event log and the sync outbox. Each intake command writes the intake row, one
 * event and one outbox row in one transaction. events.seq numbers this station's events 1, 2, 3, … (AUTOINCREMENT:
 * never reused, even after deletes).
 */
const migration: Migration = {
  version: 10,
  name: 'create-intakes-events-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE intakes (
        intake_id       TEXT PRIMARY KEY,
        station_id      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('scanned','weighed','decided','printed','ready','cancelled')),
        scan_raw        TEXT NOT NULL,
        scan_kind       TEXT NOT NULL,
        carrier         TEXT,
        tracking        TEXT NOT NULL,
        waybill         TEXT,
        destination     TEXT,
        mass_q          INTEGER,
        mass_source     TEXT CHECK (mass_source IN ('scale','manual')),
        mass_unit       TEXT,
        manual_reason   TEXT,
        length_nm       INTEGER,
        width_nm        INTEGER,
        height_nm       INTEGER,
        dims_unit       TEXT,
        damaged         INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0,1)),
        decision        TEXT CHECK (decision IN ('ACCEPT','HOLD','RETURN')),
        verdict_json    TEXT,
        operator        TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX intakes_by_tracking ON intakes(tracking);
      CREATE INDEX intakes_by_waybill ON intakes(waybill);
      CREATE INDEX intakes_by_created ON intakes(created_at);

      CREATE TABLE events (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id    TEXT NOT NULL UNIQUE,
        command_id  TEXT NOT NULL UNIQUE,
        intake_id   TEXT NOT NULL REFERENCES intakes(intake_id),
        type        TEXT NOT NULL,
        payload     TEXT NOT NULL,
        captured_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX events_by_intake ON events(intake_id, seq);

      CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY REFERENCES events(seq),
        state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','acked','dead')),
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        acked_at   INTEGER
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox(state, seq);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
