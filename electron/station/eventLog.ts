/**
 * The station's event log. Every state change appends one event and its outbox row; callers run this inside the
 * same transaction that changes the intake, so the three writes land together or not at all. The SQL is in
 * electron/db/queries/events.ts.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { insertEventWithOutbox } from '../db/queries/events.ts';

export { intakeOfCommand } from '../db/queries/events.ts';

export interface NewEvent {
  /** null: an event about no parcel (operator events, operatorEvents.ts). */
  readonly intakeId: string | null;
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
  const seq = insertEventWithOutbox(db, {
    eventId,
    commandId: event.commandId,
    intakeId: event.intakeId,
    type: event.type,
    payloadJson: JSON.stringify(event.payload),
    capturedAt: event.at,
  });
  return { seq, eventId };
}
