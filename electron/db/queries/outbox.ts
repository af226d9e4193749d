/**
 * The station side of the outbox (tables from migrations 0010 and 0040): read pending events in sequence order,
 * record HQ's acknowledgement (acked / dead) in one transaction, count the queue, and list dead letters.
 * Statements are prepared once per database handle.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface OutboxEventRow {
  readonly seq: number;
  readonly event_id: string;
  readonly command_id: string;
  readonly intake_id: string;
  readonly type: string;
  readonly payload: string;
  readonly captured_at: number;
}

export interface DeadLetter {
  readonly seq: number;
  readonly eventId: string;
  readonly intakeId: string;
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

const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      readPending: db.prepare(
        `SELECT e.seq, e.event_id, e.command_id, e.intake_id, e.type, e.payload, e.captured_at
           FROM outbox o JOIN events e ON e.seq = o.seq
          WHERE o.state = 'pending' ORDER BY o.seq LIMIT ?`,
      ),
      markDead: db.prepare(`UPDATE outbox SET state = 'dead', last_error = ? WHERE seq = ? AND state = 'pending'`),
      recordDead: db.prepare('INSERT OR REPLACE INTO sync_dead_letters (seq, code, message, dead_at) VALUES (?, ?, ?, ?)'),
      markAcked: db.prepare(`UPDATE outbox SET state = 'acked', acked_at = ? WHERE seq BETWEEN ? AND ? AND state = 'pending'`),
      setAck: db.prepare('UPDATE sync_push_state SET last_ack_seq = ?, last_ack_at = ? WHERE id = 1'),
      getAck: db.prepare('SELECT last_ack_seq, last_ack_at FROM sync_push_state WHERE id = 1'),
      counts: db.prepare(
        `SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') AS pending,
                (SELECT count(*) FROM outbox WHERE state = 'dead') AS dead`,
      ),
      failed: db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq BETWEEN ? AND ? AND state = 'pending'`),
    };
    cache.set(db, s);
  }
  return s;
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
 * (then nothing is changed: the gap cannot be filled from here).
 */
export function requeueFrom(db: Database, fromSeq: number): number | null {
  return db.transaction(() => {
    const has = db.prepare('SELECT 1 FROM outbox o JOIN events e ON e.seq = o.seq WHERE o.seq = ?').get(fromSeq);
    if (!has) return null;
    const n = db.prepare(`UPDATE outbox SET state = 'pending', acked_at = NULL WHERE seq >= ? AND state IN ('acked', 'dead')`).run(fromSeq).changes;
    db.prepare('DELETE FROM sync_dead_letters WHERE seq >= ?').run(fromSeq);
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
  const rows = db
    .prepare(
      `SELECT d.seq, e.event_id, e.intake_id, e.type, d.code, d.message, d.dead_at
         FROM sync_dead_letters d JOIN events e ON e.seq = d.seq ORDER BY d.seq LIMIT ?`,
    )
    .all(limit) as Array<{ seq: number; event_id: string; intake_id: string; type: string; code: string; message: string; dead_at: number }>;
  return rows.map((r) => ({ seq: r.seq, eventId: r.event_id, intakeId: r.intake_id, type: r.type, code: r.code, message: r.message, deadAt: r.dead_at }));
}
