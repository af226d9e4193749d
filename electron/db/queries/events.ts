/**
 * SQL for the events and outbox tables (migration 0010; since 0140 an event may belong to no intake, e.g. an
 * operator's sign-in). The event log (electron/station/eventLog.ts) decides what
 * an event is; this module only writes and reads the rows.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export interface EventRowInput {
  readonly eventId: string;
  readonly commandId: string;
  /** The parcel the event is about; null for an event about no parcel (OPERATOR_*). */
  readonly intakeId: string | null;
  readonly type: string;
  readonly payloadJson: string;
  readonly capturedAt: number;
}

/** Inserts the event and its pending outbox row; returns the event's sequence number. Call inside a transaction. */
export function insertEventWithOutbox(db: Database, event: EventRowInput): number {
  const info = prepared(db, 'INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(event.eventId, event.commandId, event.intakeId, event.type, event.payloadJson, event.capturedAt);
  const seq = Number(info.lastInsertRowid);
  prepared(db, 'INSERT INTO outbox (seq) VALUES (?)').run(seq);
  return seq;
}

/** The intake a command already changed, if this command id was applied before (a retried request). */
export function intakeOfCommand(db: Database, commandId: string): string | null {
  const row = prepared(db, 'SELECT intake_id FROM events WHERE command_id = ?').get(commandId) as { intake_id: string | null } | undefined;
  return row?.intake_id ?? null;
}

/** Whether an event already carries this command id (a retried command that belongs to no intake). */
export function commandRecorded(db: Database, commandId: string): boolean {
  return prepared(db, 'SELECT 1 FROM events WHERE command_id = ?').get(commandId) !== undefined;
}
