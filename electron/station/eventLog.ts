/**
 * The station's event log. Every state change appends one event and its outbox row; callers run this inside the
 * same transaction that changes the intake, so the three writes land together or not at all.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export interface NewEvent {
  readonly intakeId: string;
  readonly commandId: string;
  readonly type: string;
  readonly payload: unknown;
  readonly at: number;
}

export interface AppendedEvent {
  readonly seq: number;
  readonly eventId: string;
}

export function appendEvent(db: Database, event: NewEvent): AppendedEvent {
  const eventId = randomUUID();
  const info = db
    .prepare('INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(eventId, event.commandId, event.intakeId, event.type, JSON.stringify(event.payload), event.at);
  const seq = Number(info.lastInsertRowid);
  db.prepare('INSERT INTO outbox (seq) VALUES (?)').run(seq);
  return { seq, eventId };
}

/** The intake a command already changed, if this command id was applied before (a retried request). */
export function intakeOfCommand(db: Database, commandId: string): string | null {
  const row = db.prepare('SELECT intake_id FROM events WHERE command_id = ?').get(commandId) as { intake_id: string } | undefined;
  return row?.intake_id ?? null;
}
