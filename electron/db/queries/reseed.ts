/**
 * SQL for resuming a restored station after HQ's last seq (electron/db/restoreStation.ts): every seq up to HQ's is
 * held at HQ, so the local outbox rows up to it are acknowledged and the next event is numbered after it.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export function resumeAfterHqSeq(db: Database, hqLastSeq: number, at: number): { acked: number } {
  return db.transaction(() => {
    const acked = prepared(db, "UPDATE outbox SET state = 'acked', acked_at = ? WHERE state = 'pending' AND seq <= ?").run(at, hqLastSeq).changes;
    prepared(db, 'UPDATE sync_push_state SET last_ack_seq = max(last_ack_seq, ?), last_ack_at = ? WHERE id = 1').run(hqLastSeq, at);
    const has = prepared(db, "SELECT 1 FROM sqlite_sequence WHERE name = 'events'").get();
    if (has) prepared(db, "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'").run(hqLastSeq);
    else prepared(db, "INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(hqLastSeq);
    return { acked };
  })();
}

/** One event HQ already holds, put back with its own seq and an acknowledged outbox row (never sent again). */
export function insertSyncedEvent(
  db: Database,
  event: { readonly seq: number; readonly eventId: string; readonly commandId: string; readonly intakeId: string | null; readonly type: string; readonly payloadJson: string; readonly capturedAt: number },
  at: number,
): void {
  prepared(db, 'INSERT INTO events (seq, event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(event.seq, event.eventId, event.commandId, event.intakeId, event.type, event.payloadJson, event.capturedAt);
  prepared(db, "INSERT INTO outbox (seq, state, acked_at) VALUES (?, 'acked', ?)").run(event.seq, at);
}

/** Whether an event with this id or command id is already in the log (a replay never stores one twice). */
export function eventIsStored(db: Database, eventId: string, commandId: string): boolean {
  return prepared(db, 'SELECT 1 FROM events WHERE event_id = ? OR command_id = ?').get(eventId, commandId) !== undefined;
}
