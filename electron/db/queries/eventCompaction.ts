/**
 * Compaction of synced events (issue 17, item 3). An event HQ acknowledged longer than the retention ago keeps what
 * the parcel's history shows (its type, time, operator and the words of the trail: decision, reasons, price, rate
 * card id and version) and loses the bulky copy HQ already holds: a verdict's reprice inputs (the whole rate card)
 * and its calculation trace. The intake row keeps its full verdict, so the verdict still reproduces exactly.
 *
 * Events are compacted in sequence order up to the first one that is not acknowledged or not old enough, and
 * `event_compaction.through_seq` remembers how far: each sweep reads only a bounded batch past that point. HQ asking
 * for compacted events again (it lost them) cannot be served exactly: requeueFrom refuses such a range.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export const DEFAULT_EVENT_RETENTION_DAYS = 30;

export function compactedThroughSeq(db: Database): number {
  return (prepared(db, 'SELECT through_seq FROM event_compaction WHERE id = 1').get() as { through_seq: number } | undefined)?.through_seq ?? 0;
}

/** Compacts up to `batch` events past the last compacted one; returns how many were looked at (0: nothing to do). */
export function compactSyncedEvents(db: Database, options: { readonly now: number; readonly retentionMs: number; readonly batch?: number }): number {
  return db.transaction(() => {
    const from = compactedThroughSeq(db);
    const rows = prepared(db, 'SELECT seq, state, acked_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(from, options.batch ?? 2000) as Array<{
      seq: number;
      state: string;
      acked_at: number | null;
    }>;
    const cutoff = options.now - options.retentionMs;
    let through = from;
    for (const r of rows) {
      if (r.state !== 'acked' || r.acked_at === null || r.acked_at > cutoff) break;
      through = r.seq;
    }
    if (through === from) return 0;
    prepared(db,
      `UPDATE events SET payload = json_remove(payload, '$.verdict.reprice.inputs', '$.verdict.reprice.trace')
        WHERE seq > ? AND seq <= ? AND json_type(payload, '$.verdict.reprice') = 'object'`,
    ).run(from, through);
    prepared(db, 'UPDATE event_compaction SET through_seq = ? WHERE id = 1').run(through);
    return through - from;
  })();
}
