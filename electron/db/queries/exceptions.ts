/**
 * SQL for the exceptions a lead acts on: dead letters not yet resolved (with HQ's reason) and their resolution, the
 * hold shelf's audit log, and ACCEPTs flagged for inspection (WEIGHT_MISMATCH, CONTENT_REVIEW) that have no
 * PARCEL_INSPECTED event yet. Rows are checked when read.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { prepared } from '../statementCache.ts';
import { REASON_CODES } from '../../../shared/rules/reasonCodes.ts';

export const INSPECTED_EVENT = 'PARCEL_INSPECTED';
export const INSPECTION_CODES = ['WEIGHT_MISMATCH', 'CONTENT_REVIEW'] as const;

export interface OpenDeadLetterRow {
  seq: number; event_id: string; intake_id: string | null; type: string; code: string; message: string; dead_at: number;
}

/** Dead letters a lead has not resolved, oldest first. */
export function openDeadLetters(db: Database, limit: number): OpenDeadLetterRow[] {
  return prepared(
    db,
    `SELECT d.seq, e.event_id, e.intake_id, e.type, d.code, d.message, d.dead_at
       FROM sync_dead_letters d JOIN events e ON e.seq = d.seq
      WHERE NOT EXISTS (SELECT 1 FROM sync_dead_letter_resolutions r WHERE r.seq = d.seq)
      ORDER BY d.seq LIMIT ?`,
  ).all(limit) as OpenDeadLetterRow[];
}

/** Records a lead's resolution; false when `seq` is not a dead letter or is resolved already. */
export function resolveDeadLetter(db: Database, seq: number, by: string, note: string, at: number): boolean {
  return (
    prepared(
      db,
      `INSERT INTO sync_dead_letter_resolutions (seq, resolved_by, note, resolved_at)
       SELECT seq, ?, ?, ? FROM sync_dead_letters WHERE seq = ? ON CONFLICT (seq) DO NOTHING`,
    ).run(by, note, at, seq).changes > 0
  );
}

export interface HoldAuditListRow {
  audit_id: number; hold_id: string; intake_id: string; waybill: string | null; location: string;
  action: string; operator: string; note: string | null; batch_id: string | null; at: number;
}

/** The hold shelf's audit log, newest first; of one hold when `holdId` is given. */
export function holdAuditLog(db: Database, holdId: string | null, limit: number): HoldAuditListRow[] {
  return prepared(
    db,
    `SELECT a.audit_id, a.hold_id, h.intake_id, h.waybill, h.location, a.action, a.operator, a.note, a.batch_id, a.at
       FROM hold_audit a JOIN holds h ON h.hold_id = a.hold_id
      WHERE (@holdId IS NULL OR a.hold_id = @holdId)
      ORDER BY a.audit_id DESC LIMIT @limit`,
  ).all({ holdId, limit }) as HoldAuditListRow[];
}

const FlagCodesSchema = z.array(z.enum(REASON_CODES));

export interface AwaitingInspectionRow {
  intakeId: string; waybill: string | null; tracking: string; operator: string; updatedAt: number; codes: Array<(typeof INSPECTION_CODES)[number]>;
}

/** ACCEPTs decided since `since` that carry an inspection flag and were not inspected yet, oldest first. */
export function awaitingInspection(db: Database, since: number, limit: number): AwaitingInspectionRow[] {
  const rows = prepared(
    db,
    `SELECT i.intake_id, i.waybill, i.tracking, i.operator, i.updated_at,
            (SELECT json_group_array(json_extract(r.value, '$.code')) FROM json_each(i.verdict_json, '$.reasons') r
              WHERE json_extract(r.value, '$.code') IN ('WEIGHT_MISMATCH', 'CONTENT_REVIEW')) AS codes
       FROM intakes i
      WHERE i.created_at >= ? AND i.decision = 'ACCEPT' AND i.state <> 'cancelled'
        AND EXISTS (SELECT 1 FROM json_each(i.verdict_json, '$.reasons') r WHERE json_extract(r.value, '$.code') IN ('WEIGHT_MISMATCH', 'CONTENT_REVIEW'))
        AND NOT EXISTS (SELECT 1 FROM events e WHERE e.intake_id = i.intake_id AND e.type = '${INSPECTED_EVENT}')
      ORDER BY i.created_at LIMIT ?`,
  ).all(since, limit) as Array<{ intake_id: string; waybill: string | null; tracking: string; operator: string; updated_at: number; codes: string }>;
  return rows.map((r) => ({
    intakeId: r.intake_id, waybill: r.waybill, tracking: r.tracking, operator: r.operator, updatedAt: r.updated_at,
    codes: FlagCodesSchema.parse(JSON.parse(r.codes)).filter((c): c is (typeof INSPECTION_CODES)[number] => (INSPECTION_CODES as readonly string[]).includes(c)),
  }));
}
