/**
 * Writes the accepted events of one push into station_events, inside the push's transaction.
 *
 * Fast path: one COPY of the rows (copyText.ts), the bulk load PostgreSQL and PGlite do fastest. Each payload goes
 * in as the JSON text classifyEvents.ts produced, so no event is serialised twice and no recordset is built.
 * COPY has no ON CONFLICT: a row that collides (an event id another event already holds) fails the whole COPY and
 * aborts the transaction with a unique violation, and the caller runs the push again on the careful path.
 *
 * Careful path: INSERT … ON CONFLICT DO NOTHING RETURNING seq, which tells exactly which rows collided, so they are
 * refused alone as DUPLICATE_EVENT_ID.
 */
import type { HqSql } from '../db/hqDb.ts';
import { copyLine } from '../db/copyText.ts';
import { toInt } from '../db/sqlValues.ts';
import type { AcceptedEvent } from './classifyEvents.ts';

export type StoreMode = 'copy' | 'insert';

const COLUMNS = ['station_id', 'seq', 'event_id', 'command_id', 'intake_id', 'type', 'payload', 'captured_at'] as const;

/** SQLSTATE unique_violation, as both pg and PGlite report it in `code`. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

function copyRows(stationId: string, accepted: readonly AcceptedEvent[]): string {
  let data = '';
  for (const a of accepted) {
    const e = a.event;
    data += copyLine([stationId, a.seq, e.eventId, e.commandId, e.intakeId, e.type, a.payloadJson, e.capturedAt]);
  }
  return data;
}

async function insertOnConflict(tx: HqSql, stationId: string, accepted: readonly AcceptedEvent[]): Promise<Set<number>> {
  const res = await tx.query<{ seq: unknown }>(
    `INSERT INTO station_events (station_id, seq, event_id, command_id, intake_id, type, payload, captured_at)
     SELECT $1, x.seq, x.event_id, x.command_id, x.intake_id, x.type, x.payload::jsonb, x.captured_at
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
            AS x(seq, event_id, command_id, intake_id, type, payload, captured_at)
     ON CONFLICT DO NOTHING
     RETURNING seq`,
    [
      stationId,
      accepted.map((a) => a.seq),
      accepted.map((a) => a.event.eventId),
      accepted.map((a) => a.event.commandId),
      accepted.map((a) => a.event.intakeId),
      accepted.map((a) => a.event.type),
      accepted.map((a) => a.payloadJson),
      accepted.map((a) => a.event.capturedAt),
    ],
  );
  return new Set(res.rows.map((r) => toInt(r.seq, 'seq')));
}

/** Returns the sequence numbers stored. In 'copy' mode that is every one, or it throws a unique violation. */
export async function storeAccepted(tx: HqSql, stationId: string, accepted: readonly AcceptedEvent[], mode: StoreMode): Promise<Set<number>> {
  if (accepted.length === 0) return new Set();
  if (mode === 'insert') return insertOnConflict(tx, stationId, accepted);
  await tx.copyIn('station_events', COLUMNS, copyRows(stationId, accepted));
  return new Set(accepted.map((a) => a.seq));
}
