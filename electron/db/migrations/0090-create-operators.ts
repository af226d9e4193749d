import type { Migration } from './migration.ts';

/**
 * The people who may sign in at this station (electron/station/stationSession.ts). A PIN is kept only as a salted
 * scrypt hash with its parameters (electron/station/pinHash.ts), never in clear. An operator is disabled, never
 * deleted: the events they recorded keep naming them.
 */
const migration: Migration = {
  version: 90,
  name: 'create-operators',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        operator_id  TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('operator','lead')),
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        pin_hash     TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
