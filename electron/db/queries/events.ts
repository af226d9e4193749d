/**
 * SQL for the events and outbox tables (migration 0010). The event log (electron/station/eventLog.ts) decides what
 * an event is; this module only writes and reads the rows.
 */
import type { Database } from 'better-sqlite3';

export interface EventRowInput {
  readonly eventId: string;
  readonly commandId: string;
  readonly intakeId: string;
  readonly type: string;
  readonly payloadJson: string;
  readonly capturedAt: number;
}

/** Inserts the event and its pending outbox row; returns the event's sequence number. Call inside a transaction. */
export function insertEventWithOutbox(db: Database, event: EventRowInput): number {
  const info = db
    .prepare('INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(event.eventId, event.commandId, event.intakeId, event.type, event.payloadJson, event.capturedAt);
  const seq = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO outbox (seq) VALUES (?)').run(seq);
  return seq;
}

/** The intake a command already changed, if this command id was applied before (a retried request). */
export function intakeOfCommand(db: Database, commandId: string): string | null {
  const row = db.prepare('SELECT intake_id FROM events WHERE command_id = ?').get(commandId) as { intake_id: string } | undefined;
  return row?.intake_id ?? null;
}
