/**
 * SQL for the holds and hold_audit tables (migration 0030). Rows are validated when read: a corrupt reasons column
 * is an error, not an empty list.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { DESTINATIONS, type Destination } from '../../../shared/manifest/destinations.ts';
import type { HoldRecord } from '../../../shared/rules/holdAging.ts';
import { VerdictReasonSchema, type VerdictReason } from '../../../shared/rules/verdict.ts';
import { prepared } from '../statementCache.ts';

export const HOLD_STATES = ['held', 'released', 'returned'] as const;
export type HoldState = (typeof HOLD_STATES)[number];
export type CloseCause = 'manual_release' | 'auto_release' | 'manual_return' | 'expired';
export type AuditAction = 'placed' | 'reasons_changed' | 'released' | 'auto_released' | 'returned' | 'expired';

export interface HoldRow {
  hold_id: string;
  intake_id: string;
  waybill: string | null;
  destination: string | null;
  location: string;
  state: HoldState;
  reasons_json: string;
  held_at: number;
  closed_at: number | null;
  closed_by: string | null;
  close_cause: CloseCause | null;
  close_note: string | null;
  updated_at: number;
}

export class HoldRowCorrupt extends Error {
  readonly code = 'HOLD_ROW_CORRUPT';
  constructor(holdId: string, detail: string) {
    super(`hold ${holdId} has unreadable data: ${detail}`);
    this.name = 'HoldRowCorrupt';
  }
}

const ReasonsSchema = z.array(VerdictReasonSchema);

export function rowReasons(row: HoldRow): VerdictReason[] {
  let json: unknown;
  try {
    json = JSON.parse(row.reasons_json) as unknown;
  } catch {
    throw new HoldRowCorrupt(row.hold_id, 'reasons_json is not JSON');
  }
  const parsed = ReasonsSchema.safeParse(json);
  if (!parsed.success) throw new HoldRowCorrupt(row.hold_id, parsed.error.issues[0]?.message ?? 'reasons');
  return parsed.data;
}

export function rowDestination(row: HoldRow): Destination | null {
  if (row.destination === null) return null;
  const d = z.enum(DESTINATIONS).safeParse(row.destination);
  if (!d.success) throw new HoldRowCorrupt(row.hold_id, `unknown destination ${row.destination}`);
  return d.data;
}

export function toHoldRecord(row: HoldRow): HoldRecord {
  return {
    holdId: row.hold_id,
    intakeId: row.intake_id,
    waybill: row.waybill,
    destination: rowDestination(row),
    location: row.location,
    reasons: rowReasons(row).map((r) => ({ code: r.code, message: r.message })),
    heldAt: row.held_at,
  };
}

export function insertHold(db: Database, row: HoldRow): void {
  prepared(db,
    `INSERT INTO holds (hold_id, intake_id, waybill, destination, location, state, reasons_json, held_at, closed_at, closed_by, close_cause, close_note, updated_at)
     VALUES (@hold_id, @intake_id, @waybill, @destination, @location, @state, @reasons_json, @held_at, @closed_at, @closed_by, @close_cause, @close_note, @updated_at)`,
  ).run(row);
}

export function getHold(db: Database, holdId: string): HoldRow | null {
  return (prepared(db, 'SELECT * FROM holds WHERE hold_id = ?').get(holdId) as HoldRow | undefined) ?? null;
}

export function openHoldOfIntake(db: Database, intakeId: string): HoldRow | null {
  return (prepared(db, "SELECT * FROM holds WHERE intake_id = ? AND state = 'held'").get(intakeId) as HoldRow | undefined) ?? null;
}

export function openHolds(db: Database): HoldRow[] {
  return prepared(db, "SELECT * FROM holds WHERE state = 'held' ORDER BY held_at, hold_id").all() as HoldRow[];
}

export function openHoldsOfWaybill(db: Database, waybill: string): HoldRow[] {
  return prepared(db, "SELECT * FROM holds WHERE waybill = ? AND state = 'held' ORDER BY held_at, hold_id").all(waybill) as HoldRow[];
}

/** Open holds held at or before `heldAtOrBefore` (uses the (state, held_at) index). */
export function openHoldsHeldBy(db: Database, heldAtOrBefore: number): HoldRow[] {
  return prepared(db, "SELECT * FROM holds WHERE state = 'held' AND held_at <= ? ORDER BY held_at, hold_id").all(heldAtOrBefore) as HoldRow[];
}

export function occupiedLocations(db: Database): Set<string> {
  const rows = prepared(db, "SELECT location FROM holds WHERE state = 'held'").all() as Array<{ location: string }>;
  return new Set(rows.map((r) => r.location));
}

/** A held parcel whose pre-alert arrived: the hold now knows its waybill (for HQ's ID / duty status updates). */
export function linkHoldToWaybill(db: Database, holdId: string, waybill: string, destination: string | null, at: number): void {
  prepared(db, 'UPDATE holds SET waybill = ?, destination = ?, updated_at = ? WHERE hold_id = ?').run(waybill, destination, at, holdId);
}

export function updateReasons(db: Database, holdId: string, reasons: readonly VerdictReason[], at: number): void {
  prepared(db, 'UPDATE holds SET reasons_json = ?, updated_at = ? WHERE hold_id = ?').run(JSON.stringify(reasons), at, holdId);
}

export function closeHold(db: Database, holdId: string, state: Exclude<HoldState, 'held'>, cause: CloseCause, by: string, note: string | null, at: number): void {
  const info = prepared(db, "UPDATE holds SET state = ?, close_cause = ?, closed_by = ?, close_note = ?, closed_at = ?, updated_at = ? WHERE hold_id = ? AND state = 'held'")
    .run(state, cause, by, note, at, at, holdId);
  if (info.changes !== 1) throw new HoldRowCorrupt(holdId, 'was not open when closing it');
}

export function insertAudit(
  db: Database,
  audit: { holdId: string; action: AuditAction; operator: string; note: string | null; batchId: string | null; detail: unknown; at: number },
): void {
  prepared(db, 'INSERT INTO hold_audit (hold_id, action, operator, note, batch_id, detail_json, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    audit.holdId,
    audit.action,
    audit.operator,
    audit.note,
    audit.batchId,
    JSON.stringify(audit.detail),
    audit.at,
  );
}

export interface AuditRow {
  audit_id: number;
  hold_id: string;
  action: AuditAction;
  operator: string;
  note: string | null;
  batch_id: string | null;
  detail_json: string;
  at: number;
}

export function auditOf(db: Database, holdId: string): AuditRow[] {
  return prepared(db, 'SELECT * FROM hold_audit WHERE hold_id = ? ORDER BY audit_id').all(holdId) as AuditRow[];
}

/** Open holds still waiting for their pre-alert: no waybill yet and a NO_PREALERT reason. */
export function intakesWaitingForPrealert(db: Database): string[] {
  const rows = prepared(db,
      `SELECT intake_id FROM holds WHERE state = 'held' AND waybill IS NULL
         AND EXISTS (SELECT 1 FROM json_each(holds.reasons_json) WHERE json_extract(value, '$.code') = 'NO_PREALERT')`,
    )
    .all() as Array<{ intake_id: string }>;
  return rows.map((r) => r.intake_id);
}

/** The newest hold of a parcel that was released (a repeat scan of the parcel says so). */
export function lastReleasedHoldOfIntake(db: Database, intakeId: string): HoldRow | null {
  return (prepared(db, "SELECT * FROM holds WHERE intake_id = ? AND state = 'released' ORDER BY closed_at DESC, rowid DESC LIMIT 1").get(intakeId) as HoldRow | undefined) ?? null;
}
