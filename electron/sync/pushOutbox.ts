/**
 * Drains the outbox to HQ: batches in sequence order, back to back, until nothing is pending or a push fails.
 * HQ's acknowledgement is applied in one transaction per batch (acked rows, dead letters, last ack).
 * A SEQ_GAP answer below the batch (HQ lost events, e.g. restored from a backup) re-queues from the number HQ
 * expects; the station never drops or renumbers an event.
 */
import { applyAck, lastAck, queueCounts, readPendingEvents, recordAttemptFailure, requeueFrom } from '../db/queries/outbox.ts';
import { toWireBatch } from './toWireEvents.ts';
import { failure, type HqResult } from './syncFailure.ts';
import type { SyncContext } from './syncContext.ts';

/** How often one drain may follow HQ back to an earlier number before it gives up for this cycle. */
const MAX_REQUEUES_PER_DRAIN = 3;

export function countsStatus(ctx: SyncContext): { pending: number; dead: number; lastAckSeq: number; lastAckAt: number | null } {
  return { ...queueCounts(ctx.db), ...lastAck(ctx.db) };
}

export async function pushOutbox(ctx: SyncContext): Promise<HqResult<{ sent: number }>> {
  const initial = queueCounts(ctx.db).pending;
  if (initial === 0) return { ok: true, value: { sent: 0 } };
  let total = initial;
  let done = 0;
  let requeues = 0;
  ctx.report({ phase: 'pushing', progress: 0 });
  while (ctx.isRunning()) {
    const batch = toWireBatch(readPendingEvents(ctx.db, ctx.tuning.batchMaxEvents), ctx.tuning.batchMaxBytes);
    if (!batch) return { ok: true, value: { sent: done } };
    const res = await ctx.client.push(ctx.stationId, batch.events, ctx.signal);
    if (res.ok) {
      const ack = res.value;
      if (ack.ackSeq < batch.firstSeq) {
        // HQ stored nothing of a batch that starts right after its mark: not an answer the protocol allows.
        recordAttemptFailure(ctx.db, batch.firstSeq, batch.lastSeq, `HQ acknowledged ${ack.ackSeq}, below the batch ${batch.firstSeq}..${batch.lastSeq}`);
        return failure('malformed', `HQ acknowledged event ${ack.ackSeq} for a push starting at ${batch.firstSeq}`);
      }
      const r = applyAck(ctx.db, { firstSeq: batch.firstSeq, lastSeq: batch.lastSeq, ackSeq: ack.ackSeq, rejected: ack.rejected, now: ctx.now() });
      if (r.dead > 0) ctx.log('warn', `HQ refused ${r.dead} event(s) for good; they are in the dead letters`);
      done += r.acked + r.dead;
      const counts = countsStatus(ctx);
      total = Math.max(total, done + counts.pending);
      ctx.report({ ...counts, online: true, progress: total > 0 ? Math.min(1, done / total) : null });
      continue;
    }
    const f = res.failure;
    if (f.kind === 'gap' && f.expectedSeq !== undefined) {
      if (f.expectedSeq >= batch.firstSeq) {
        return failure('malformed', `HQ expects event ${f.expectedSeq} but this push started at ${batch.firstSeq}, which it should have taken`);
      }
      const n = requeueFrom(ctx.db, f.expectedSeq);
      if (n === null) {
        return failure('conflict', `HQ expects event ${f.expectedSeq}, which this station no longer holds; later events cannot be delivered until HQ staff resolve it`);
      }
      requeues++;
      ctx.log('warn', `HQ asked for events from ${f.expectedSeq} again (HQ data restored?); ${n} event(s) re-queued`);
      ctx.report({ ...countsStatus(ctx), lastError: `HQ asked for events from ${f.expectedSeq} again; re-sending` });
      if (requeues > MAX_REQUEUES_PER_DRAIN) return failure('gap', `HQ keeps asking for earlier events (last: ${f.expectedSeq})`);
      continue;
    }
    if (f.kind !== 'aborted') recordAttemptFailure(ctx.db, batch.firstSeq, batch.lastSeq, f.message);
    return res;
  }
  return failure('aborted', 'Sync is stopping');
}
