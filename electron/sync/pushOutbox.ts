/**
 * Drains the outbox to HQ: batches in sequence order, back to back, until nothing is pending or a push fails.
 * HQ's acknowledgement is applied in one transaction per batch (acked rows, dead letters, last ack).
 * A SEQ_GAP answer below the batch (HQ lost events, e.g. restored from a backup) re-queues from the number HQ
 * expects; the station never drops or renumbers an event.
 *
 * While HQ works on one push, the next batch is read and built from the rows behind it (reading the outbox and
 * parsing payloads is the station's share of a drain, about as long as HQ's), and used only when HQ took the whole
 * push, so the batch starts right after HQ's mark. Otherwise it is dropped and read again.
 */
import { applyAck, lastAck, queueCounts, readPendingEvents, recordAttemptFailure, requeueFrom } from '../db/queries/outbox.ts';
import { toWireBatch, type WireBatch } from './toWireEvents.ts';
import { failure, type HqResult } from './syncFailure.ts';
import type { SyncContext } from './syncContext.ts';

/** How often one drain may follow HQ back to an earlier number before it gives up for this cycle. */
const MAX_REQUEUES_PER_DRAIN = 3;

export function countsStatus(ctx: SyncContext): { pending: number; dead: number; lastAckSeq: number; lastAckAt: number | null } {
  return { ...queueCounts(ctx.db), ...lastAck(ctx.db) };
}

/** The next batch: pending rows with numbers above `afterSeq` (the push in flight), within the tuning's bounds. */
function readBatch(ctx: SyncContext, afterSeq: number): WireBatch | null {
  const limit = ctx.tuning.batchMaxEvents;
  const rows = readPendingEvents(ctx.db, afterSeq === 0 ? limit : 2 * limit).filter((r) => r.seq > afterSeq);
  return toWireBatch(rows.slice(0, limit), ctx.tuning.batchMaxBytes);
}

/** Lets the request just started leave before the CPU work of building the next batch. */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function pushOutbox(ctx: SyncContext): Promise<HqResult<{ sent: number }>> {
  const initial = queueCounts(ctx.db).pending;
  if (initial === 0) return { ok: true, value: { sent: 0 } };
  let total = initial;
  let done = 0;
  let requeues = 0;
  ctx.report({ phase: 'pushing', progress: 0 });
  let ahead: WireBatch | null = null;
  while (ctx.isRunning()) {
    const batch: WireBatch | null = ahead ?? readBatch(ctx, 0);
    ahead = null;
    if (!batch) return { ok: true, value: { sent: done } };
    const sending = ctx.client.push(ctx.stationId, batch.events, ctx.signal);
    await yieldToIo();
    const next: WireBatch | null = ctx.isRunning() ? readBatch(ctx, batch.lastSeq) : null;
    const res = await sending;
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
      // HQ took the whole push: the batch built meanwhile starts right after its mark.
      if (ack.ackSeq === batch.lastSeq && next !== null && next.firstSeq > ack.ackSeq) ahead = next;
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
