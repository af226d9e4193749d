/**
 * The station side of the outbox (tables from migrations 0010 and 0040): read pending events in sequence order,
 * record HQ's acknowledgement (acked / dead) in one transaction, count the queue, and list dead letters.
 * Statements are prepared once per database handle (statementCache.ts).
 */
import type { Database, Statement } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';
import { compactedThroughSeq } from './eventCompaction.ts';

export interface OutboxEventRow {
  readonly seq: number;
  readonly event_id: string;
  readonly command_id: string;
  readonly intake_id: string | null;
  readonly type: string;
  readonly payload: string;
  readonly captured_at: number;
}

export interface DeadLetter {
  readonly seq: number;
  readonly eventId: string;
  readonly intakeId: string | null;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly deadAt: number;
}

interface Statements {
  readPending: Statement<[number]>;
  markDead: Statement<[string, number]>;
  recordDead: Statement<[number, string, string, number]>;
  markAcked: Statement<[number, number, number]>;
  setAck: Statement<[number, number]>;
  getAck: Statement<[]>;
  counts: Statement<[]>;
  failed: Statement<[string, number, number]>;
}

function statements(db: Database): Statements {
  // Each statement is prepared once per handle by the shared cache (electron/db/statementCache.ts).
  return {
    readPending: prepared(db,
      `SELECT e.seq, e.event_id, e.command_id, e.intake_id, e.type, e.payload, e.captured_at
         FROM outbox o JOIN events e ON e.seq = o.seq
        WHERE o.state = 'pending' ORDER BY o.seq LIMIT ?`,
    ),
    markDead: prepared(db, `UPDATE outbox SET state = 'dead', last_error = ? WHERE seq = ? AND state = 'pending'`),
    recordDead: prepared(db, 'INSERT OR REPLACE INTO sync_dead_letters (seq, code, message, dead_at) VALUES (?, ?, ?, ?)'),
    markAcked: prepared(db, `UPDATE outbox SET state = 'acked', acked_at = ? WHERE seq BETWEEN ? AND ? AND state = 'pending'`),
    setAck: prepared(db, 'UPDATE sync_push_state SET last_ack_seq = ?, last_ack_at = ? WHERE id = 1'),
    getAck: prepared(db, 'SELECT last_ack_seq, last_ack_at FROM sync_push_state WHERE id = 1'),
    // Kept by triggers in the same transaction as every outbox change (migration 0100): no count over the queue.
    counts: prepared(db,
      `SELECT (SELECT n FROM outbox_counts WHERE state = 'pending') AS pending,
              (SELECT n FROM outbox_counts WHERE state = 'dead') AS dead`,
    ),
    failed: prepared(db, `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq BETWEEN ? AND ? AND state = 'pending'`),
  };
}

/** Up to `limit` pending events, lowest sequence first. */
export function readPendingEvents(db: Database, limit: number): OutboxEventRow[] {
  return statements(db).readPending.all(limit) as OutboxEventRow[];
}

export interface AckInput {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly ackSeq: number;
  readonly rejected: ReadonlyArray<{ seq: number; code: string; message: string }>;
  readonly now: number;
}

/**
 * Applies HQ's answer to one push, in one transaction: events HQ refused for good become dead letters; the other
 * events of the batch up to the acknowledged number become acked. Events beyond the batch are never touched here,
 * even if HQ acknowledges further (they are confirmed when they are sent, with their own rejections if any).
 */
export function applyAck(db: Database, input: AckInput): { acked: number; dead: number } {
  const s = statements(db);
  const upTo = Math.min(input.ackSeq, input.lastSeq);
  return db.transaction(() => {
    let dead = 0;
    for (const r of input.rejected) {
      if (r.seq < input.firstSeq || r.seq > upTo) continue;
      const res = s.markDead.run(`${r.code}: ${r.message}`, r.seq);
      if (res.changes > 0) {
        s.recordDead.run(r.seq, r.code, r.message, input.now);
        dead += 1;
      }
    }
    const acked = upTo >= input.firstSeq ? s.markAcked.run(input.now, input.firstSeq, upTo).changes : 0;
    s.setAck.run(input.ackSeq, input.now);
    return { acked, dead };
  })();
}

/** Notes a failed attempt on the batch's rows (attempts + 1, last_error); the rows stay pending. */
export function recordAttemptFailure(db: Database, firstSeq: number, lastSeq: number, message: string): void {
  statements(db).failed.run(message.slice(0, 1000), firstSeq, lastSeq);
}

/**
 * HQ asks for events from `fromSeq` again (it lost them: restored from a backup). Marks acked and dead rows from
 * there pending again. Returns how many rows were re-queued, or null when the station no longer has event `fromSeq`
 * as HQ first received it (deleted, or compacted): then nothing is changed, the gap cannot be filled from here.
 */
export function requeueFrom(db: Database, fromSeq: number): number | null {
  return db.transaction(() => {
    const has = prepared(db, 'SELECT 1 FROM outbox o JOIN events e ON e.seq = o.seq WHERE o.seq = ?').get(fromSeq);
    // Compacted events (eventCompaction.ts) no longer carry what HQ first received: they cannot be sent again.
    if (!has || fromSeq <= compactedThroughSeq(db)) return null;
    const n = prepared(db, `UPDATE outbox SET state = 'pending', acked_at = NULL WHERE seq >= ? AND state IN ('acked', 'dead')`).run(fromSeq).changes;
    prepared(db, 'DELETE FROM sync_dead_letters WHERE seq >= ?').run(fromSeq);
    return n;
  })();
}

export function queueCounts(db: Database): { pending: number; dead: number } {
  return statements(db).counts.get() as { pending: number; dead: number };
}

export function lastAck(db: Database): { lastAckSeq: number; lastAckAt: number | null } {
  const row = statements(db).getAck.get() as { last_ack_seq: number; last_ack_at: number | null } | undefined;
  return { lastAckSeq: row?.last_ack_seq ?? 0, lastAckAt: row?.last_ack_at ?? null };
}

export function listDeadLetters(db: Database, limit = 500): DeadLetter[] {
  const rows = prepared(db,
      `SELECT d.seq, e.event_id, e.intake_id, e.type, d.code, d.message, d.dead_at
         FROM sync_dead_letters d JOIN events e ON e.seq = d.seq ORDER BY d.seq LIMIT ?`,
    )
    .all(limit) as Array<{ seq: number; event_id: string; intake_id: string | null; type: string; code: string; message: string; dead_at: number }>;
  return rows.map((r) => ({ seq: r.seq, eventId: r.event_id, intakeId: r.intake_id, type: r.type, code: r.code, message: r.message, deadAt: r.dead_at }));
}

/**
 * A lead's retry of one dead letter: its outbox row goes back to pending (the pusher sends it again, in sequence
 * order) and the dead letter and any resolution of it are removed. False when `seq` is not a dead letter.
 */
export function requeueDeadLetter(db: Database, seq: number): boolean {
  return db.transaction(() => {
    const changed = prepared(db, `UPDATE outbox SET state = 'pending', acked_at = NULL, attempts = 0 WHERE seq = ? AND state = 'dead'`).run(seq).changes;
    if (changed === 0) return false;
    prepared(db, 'DELETE FROM sync_dead_letters WHERE seq = ?').run(seq);
    prepared(db, 'DELETE FROM sync_dead_letter_resolutions WHERE seq = ?').run(seq);
    return true;
  })();
}
