/**
 * SQL for resuming a restored station after HQ's last seq (electron/db/restoreStation.ts): every seq up to HQ's is
 * held at HQ, so the local outbox rows up to it are acknowledged and the next event is numbered after it.
 */
import type { Database } from 'better-sqlite3';

export function resumeAfterHqSeq(db: Database, hqLastSeq: number, at: number): { acked: number } {
  return db.transaction(() => {
    const acked = db.prepare("UPDATE outbox SET state = 'acked', acked_at = ? WHERE state = 'pending' AND seq <= ?").run(at, hqLastSeq).changes;
    db.prepare('UPDATE sync_push_state SET last_ack_seq = max(last_ack_seq, ?), last_ack_at = ? WHERE id = 1').run(hqLastSeq, at);
    const has = db.prepare("SELECT 1 FROM sqlite_sequence WHERE name = 'events'").get();
    if (has) db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'").run(hqLastSeq);
    else db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(hqLastSeq);
    return { acked };
  })();
}
