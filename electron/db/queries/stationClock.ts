/**
 * SQL for station time (migration 0070): the persisted part of shared/rules/stationTime.ts, and the time of the
 * newest event (a floor: station time is never before something it already wrote).
 */
import type { Database } from 'better-sqlite3';
import type { PersistedStationTime } from '../../../shared/rules/stationTime.ts';
import { prepared } from '../statementCache.ts';

interface ClockRow {
  trusted_at: number;
  hq_offset_ms: number | null;
  hq_learned_at: number | null;
  jump_ms: number;
}

export function readStationClock(db: Database): PersistedStationTime | null {
  const row = prepared(db, 'SELECT trusted_at, hq_offset_ms, hq_learned_at, jump_ms FROM station_clock WHERE id = 1').get() as ClockRow | undefined;
  if (!row) return null;
  return { trustedAt: row.trusted_at, hqOffsetMs: row.hq_offset_ms, hqLearnedAt: row.hq_learned_at, jumpMs: row.jump_ms };
}

export function writeStationClock(db: Database, t: PersistedStationTime): void {
  prepared(db,
    `INSERT INTO station_clock (id, trusted_at, hq_offset_ms, hq_learned_at, jump_ms) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET trusted_at = excluded.trusted_at, hq_offset_ms = excluded.hq_offset_ms,
       hq_learned_at = excluded.hq_learned_at, jump_ms = excluded.jump_ms`,
  ).run(Math.round(t.trustedAt), t.hqOffsetMs === null ? null : Math.round(t.hqOffsetMs), t.hqLearnedAt === null ? null : Math.round(t.hqLearnedAt), Math.round(t.jumpMs));
}

/** The capture time of the newest event, or null when there is none. */
export function lastEventAt(db: Database): number | null {
  const row = prepared(db, 'SELECT captured_at FROM events ORDER BY seq DESC LIMIT 1').get() as { captured_at: number } | undefined;
  return row?.captured_at ?? null;
}
