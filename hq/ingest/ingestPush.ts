/**
 * Stores one push (../shared/reference/sync.md §3 step 3), in ONE transaction:
 *   lock the station's row and read last_seq (the high-water mark);
 *   events at or below it were stored before: check they are the same events (same event ids), then skip them;
 *   the first new event must be last_seq + 1, or the push is refused with SEQ_GAP and the number expected;
 *   insert the contiguous run of new events (ON CONFLICT DO NOTHING), record refused ones in rejected_events,
 *   set last_seq to the highest number now held, and answer it.
 * Replaying any push, in any order, any number of times, changes nothing and gets the same kind of answer.
 */
import type { HqDb, HqSql } from '../db/hqDb.ts';
import { toInt } from '../db/sqlValues.ts';
import { HqError } from '../hqError.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';
import type { PushRequest, PushResponse, RejectedEvent } from '../../shared/sync/pushWire.ts';
import { RejectedEventSchema } from '../../shared/sync/pushWire.ts';
import { classifyEvent, type AcceptedEvent, type ClassifiedEvent, type RefusedEvent } from './classifyEvents.ts';
import { isUniqueViolation, storeAccepted, type StoreMode } from './storeAccepted.ts';

function sortUnique(events: PushRequest['events']): Array<PushRequest['events'][number]> {
  const bySeq = new Map<number, PushRequest['events'][number]>();
  for (const e of events) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

async function checkReplayedEvents(tx: HqSql, stationId: string, replayed: ReadonlyArray<PushRequest['events'][number]>): Promise<void> {
  if (replayed.length === 0) return;
  const seqs = replayed.map((e) => e.seq);
  const held = await tx.query<{ seq: unknown; event_id: string | null }>(
    `SELECT seq, event_id FROM station_events WHERE station_id = $1 AND seq = ANY($2::bigint[])
     UNION ALL
     SELECT seq, event_id FROM rejected_events WHERE station_id = $1 AND seq = ANY($2::bigint[])`,
    [stationId, seqs],
  );
  const heldIds = new Map<number, string | null>();
  for (const row of held.rows) heldIds.set(toInt(row.seq, 'seq'), row.event_id);
  for (const e of replayed) {
    if (!heldIds.has(e.seq)) {
      throw new HqError('SEQ_CONFLICT', `HQ has no event ${e.seq} of station ${stationId} although it acknowledged it; refusing to skip it`);
    }
    const heldId = heldIds.get(e.seq) ?? null;
    const sentId = typeof e['eventId'] === 'string' ? e['eventId'] : null;
    // A refused event may have had no usable id; then there is nothing to compare.
    if (heldId !== null && sentId !== heldId) {
      throw new HqError(
        'SEQ_CONFLICT',
        `HQ already holds a different event under number ${e.seq} for station ${stationId} (event ${heldId}, not ${sentId ?? '?'}). ` +
          'The station\'s event log was probably reset; its events are kept on the station until HQ staff resolve it.',
      );
    }
  }
}

async function insertRefused(tx: HqSql, stationId: string, refused: readonly RefusedEvent[]): Promise<void> {
  if (refused.length === 0) return;
  const rows = refused.map((r) => ({ seq: r.seq, event_id: r.eventId, code: r.code, message: r.message, raw: JSON.parse(r.rawJson) as unknown }));
  await tx.query(
    `INSERT INTO rejected_events (station_id, seq, event_id, code, message, raw)
     SELECT $1, x.seq, x.event_id, x.code, x.message, x.raw
       FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, event_id text, code text, message text, raw jsonb)
     ON CONFLICT DO NOTHING`,
    [stationId, JSON.stringify(rows)],
  );
}

export async function ingestPush(db: HqDb, principal: StationPrincipal, request: PushRequest, nowMs: number): Promise<PushResponse> {
  if (request.stationId !== principal.stationId) {
    throw new HqError('FORBIDDEN', `This token belongs to station ${principal.stationId}; it cannot push as ${request.stationId}`);
  }
  const events = sortUnique(request.events);
  // Validation is pure CPU work: do it before taking the station's row lock.
  const classified = new Map<number, ClassifiedEvent>();
  for (const e of events) classified.set(e.seq, classifyEvent(e));

  // COPY first; a push holding an event id HQ already has is stored again row by row (storeAccepted.ts).
  try {
    return await storePush(db, principal, events, classified, nowMs, 'copy');
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return storePush(db, principal, events, classified, nowMs, 'insert');
  }
}

function storePush(
  db: HqDb,
  principal: StationPrincipal,
  events: ReadonlyArray<PushRequest['events'][number]>,
  classified: ReadonlyMap<number, ClassifiedEvent>,
  nowMs: number,
  mode: StoreMode,
): Promise<PushResponse> {
  const minSeq = events[0]?.seq ?? 0;
  const maxSeq = events.at(-1)?.seq ?? 0;
  return db.transaction(async (tx) => {
    const st = await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM stations WHERE station_id = $1 FOR UPDATE', [principal.stationId]);
    if (!st.rows[0]) throw new HqError('UNAUTHORIZED', `Station ${principal.stationId} is not registered at HQ`);
    const lastSeq = toInt(st.rows[0].last_seq, 'last_seq');

    await checkReplayedEvents(tx, principal.stationId, events.filter((e) => e.seq <= lastSeq));

    const fresh = events.filter((e) => e.seq > lastSeq);
    let newLast = lastSeq;
    let refusedNow: RefusedEvent[] = [];
    if (fresh.length > 0) {
      if (fresh[0]?.seq !== lastSeq + 1) {
        throw new HqError('SEQ_GAP', `HQ expects event ${lastSeq + 1} of station ${principal.stationId} next, not ${fresh[0]?.seq ?? '?'}`, lastSeq + 1);
      }
      // Only the run without holes is stored; anything after a hole is sent again once the hole is filled.
      const run: typeof fresh = [];
      for (const e of fresh) {
        if (e.seq !== lastSeq + 1 + run.length) break;
        run.push(e);
      }
      const accepted: AcceptedEvent[] = [];
      const refused: RefusedEvent[] = [];
      for (const e of run) {
        const c = classified.get(e.seq);
        if (!c) continue;
        if (c.ok) accepted.push(c.value);
        else refused.push(c.value);
      }
      const inserted = await storeAccepted(tx, principal.stationId, accepted, mode);
      for (const a of accepted) {
        if (!inserted.has(a.seq)) {
          refused.push({
            seq: a.seq,
            eventId: a.event.eventId,
            code: 'DUPLICATE_EVENT_ID',
            message: `Event id ${a.event.eventId} is already used by another event at HQ`,
            rawJson: JSON.stringify({ ...a.event, payload: undefined, payloadBytes: a.payloadJson.length }),
          });
        }
      }
      await insertRefused(tx, principal.stationId, refused);
      refusedNow = refused;
      newLast = lastSeq + run.length;
      await tx.query('UPDATE stations SET last_seq = $2, last_push_at = now() WHERE station_id = $1', [principal.stationId, newLast]);
    }

    if (minSeq > lastSeq) {
      // Nothing in this push was held before: the refusals are exactly the ones just recorded.
      const rejected = refusedNow
        .map((r) => RejectedEventSchema.parse({ seq: r.seq, code: r.code, message: r.message }))
        .sort((a, b) => a.seq - b.seq);
      return { ackSeq: newLast, rejected, serverTime: nowMs };
    }
    const rejectedRows = await tx.query<{ seq: unknown; code: string; message: string }>(
      'SELECT seq, code, message FROM rejected_events WHERE station_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [principal.stationId, minSeq, Math.min(maxSeq, newLast)],
    );
    const rejected: RejectedEvent[] = rejectedRows.rows.map((r) =>
      RejectedEventSchema.parse({ seq: toInt(r.seq, 'seq'), code: r.code, message: r.message }),
    );
    return { ackSeq: newLast, rejected, serverTime: nowMs };
  });
}
