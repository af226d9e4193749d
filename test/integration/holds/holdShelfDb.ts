/** A station database in a temp directory, opened through electron/db, with intake rows for holds to refer to. */
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';

export interface TempDb {
  readonly db: Database;
  readonly dir: string;
  close(): void;
}

export function openTempStationDb(): TempDb {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-holds-'));
  const db = openStationDatabase(dir);
  return {
    db,
    dir,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function insertIntake(db: Database, intakeId: string, waybill: string | null, destination: string | null, at = 0): void {
  db.prepare(
    `INSERT INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, carrier, tracking, waybill, destination, damaged, decision, operator, created_at, updated_at)
     VALUES (?, 'LAX-TEST-1', 'decided', ?, 'ups_1z', 'ups', ?, ?, ?, 0, 'HOLD', 'tester', ?, ?)`,
  ).run(intakeId, `scan-${intakeId}`, `trk-${intakeId}`, waybill, destination, at, at);
}
