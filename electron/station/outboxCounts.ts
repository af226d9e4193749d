import type { Database } from 'better-sqlite3';

export interface OutboxCounts {
  readonly pending: number;
  readonly dead: number;
  readonly lastAckSeq: number;
  readonly lastAckAt: number | null;
}

/** The outbox at a glance: what waits for HQ, what HQ refused, the newest acknowledgement. */
export function outboxCounts(db: Database): OutboxCounts {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(state = 'pending'), 0) AS pending,
         coalesce(sum(state = 'dead'), 0) AS dead,
         coalesce(max(CASE WHEN state = 'acked' THEN seq END), 0) AS lastAckSeq,
         max(acked_at) AS lastAckAt
       FROM outbox`,
    )
    .get() as { pending: number; dead: number; lastAckSeq: number; lastAckAt: number | null };
  return row;
}
