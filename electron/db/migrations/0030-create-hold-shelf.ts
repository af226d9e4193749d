import type { Migration } from './migration.ts';

/**
 * The hold shelf: one row per hold (a parcel put on the shelf after a HOLD verdict), its shelf location, the reasons
 * it waits on and how it ended (released, or converted to a return), plus an audit row for every change.
 * At most one open hold per intake, and one open hold per shelf location (partial unique indexes).
 */
const migration: Migration = {
  version: 30,
  name: 'create-hold-shelf',
  up(db) {
    db.exec(`
      CREATE TABLE holds (
        hold_id       TEXT PRIMARY KEY,
        intake_id     TEXT NOT NULL REFERENCES intakes(intake_id),
        waybill       TEXT,
        destination   TEXT,
        location      TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('held','released','returned')),
        reasons_json  TEXT NOT NULL,
        held_at       INTEGER NOT NULL,
        closed_at     INTEGER,
        closed_by     TEXT,
        close_cause   TEXT CHECK (close_cause IN ('manual_release','auto_release','manual_return','expired')),
        close_note    TEXT,
        updated_at    INTEGER NOT NULL,
        CHECK ((state = 'held') = (closed_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX holds_open_by_intake ON holds(intake_id) WHERE state = 'held';
      CREATE UNIQUE INDEX holds_open_by_location ON holds(location) WHERE state = 'held';
      CREATE INDEX holds_by_waybill ON holds(waybill, state);
      CREATE INDEX holds_by_state_age ON holds(state, held_at);

      CREATE TABLE hold_audit (
        audit_id     INTEGER PRIMARY KEY AUTOINCREMENT,
        hold_id      TEXT NOT NULL REFERENCES holds(hold_id),
        action       TEXT NOT NULL CHECK (action IN ('placed','reasons_changed','released','auto_released','returned','expired')),
        operator     TEXT NOT NULL,
        note         TEXT,
        batch_id     TEXT,
        detail_json  TEXT NOT NULL,
        at           INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX hold_audit_by_hold ON hold_audit(hold_id, audit_id);
    `);
  },
};
export default migration;
