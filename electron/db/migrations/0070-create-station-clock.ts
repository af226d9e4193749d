import type { Migration } from './migration.ts';

/**
 * Station time (shared/rules/stationTime.ts): the time hold ages are measured with, kept across restarts so a wall
 * clock that jumps while the station is off cannot age a hold. A single row.
 */
const migration: Migration = {
  version: 70,
  name: 'create-station-clock',
  up(db) {
    db.exec(`
      CREATE TABLE station_clock (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        trusted_at     INTEGER NOT NULL,
        hq_offset_ms   INTEGER,
        hq_learned_at  INTEGER,
        jump_ms        INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
export default migration;
