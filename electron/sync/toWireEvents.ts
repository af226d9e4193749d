/**
 * Turns outbox rows into the events of one push, bounded by count and bytes. A row whose payload is not JSON, is
 * too large for HQ, or nests too deep, is sent as a stand-in without its payload (shared/sync/pushWire.ts): HQ refuses it for
 * good and it becomes a dead letter on both sides, instead of blocking every event behind it. The row itself is
 * never changed.
 */
import { MAX_EVENT_BYTES } from '../../shared/sync/pushWire.ts';
import { checkJsonText } from '../../shared/text/checkJsonText.ts';
import type { OutboxEventRow } from '../db/queries/outbox.ts';

/** Room for the envelope fields around a payload. */
const ENVELOPE_BYTES = 400;

export interface WireBatch {
  readonly events: unknown[];
  readonly firstSeq: number;
  readonly lastSeq: number;
}

function toWire(row: OutboxEventRow): { event: unknown; bytes: number } {
  const bytes = row.payload.length + ENVELOPE_BYTES;
  const base = { seq: row.seq, eventId: row.event_id, commandId: row.command_id, intakeId: row.intake_id, type: row.type, capturedAt: row.captured_at };
  if (bytes > MAX_EVENT_BYTES) return { event: { ...base, payloadOmittedBytes: row.payload.length }, bytes: ENVELOPE_BYTES };
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload) as unknown;
  } catch {
    return { event: { ...base, payloadText: row.payload.slice(0, 4096) }, bytes: ENVELOPE_BYTES + 4096 };
  }
  // Too deep to serialise into the push body safely (JSON.stringify recurses): HQ refuses it, so leave it out.
  // Other unsafe text (NUL, lone surrogates) travels escaped, and HQ refuses that event alone with UNSAFE_TEXT.
  if (checkJsonText(payload)?.kind === 'depth') return { event: { ...base, payloadTooDeep: true }, bytes: ENVELOPE_BYTES };
  return { event: { ...base, payload }, bytes };
}

/** Takes rows from the front while the batch stays within `maxBytes` (always at least one row). */
export function toWireBatch(rows: readonly OutboxEventRow[], maxBytes: number): WireBatch | null {
  const events: unknown[] = [];
  let total = 0;
  let firstSeq = 0;
  let lastSeq = 0;
  for (const row of rows) {
    const w = toWire(row);
    if (events.length > 0 && total + w.bytes > maxBytes) break;
    if (events.length === 0) firstSeq = row.seq;
    events.push(w.event);
    total += w.bytes;
    lastSeq = row.seq;
  }
  return events.length === 0 ? null : { events, firstSeq, lastSeq };
}
