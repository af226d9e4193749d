/**
 * Checks each pushed event on its own (see shared/sync/pushWire.ts): an event that is not a valid WireEvent is
 * refused for good with a code, never the whole push. In order: clean text and bounded nesting everywhere
 * (shared/text/checkJsonText.ts: UNSAFE_TEXT, TOO_DEEP; PostgreSQL cannot store NUL or lone surrogates), the
 * envelope, the size, then the payload's schema for its type (eventPayloadSchemas.ts: INVALID_PAYLOAD).
 * Pure apart from JSON work; no database.
 */
import { z } from 'zod';
import { MAX_EVENT_BYTES, WireEventSchema, WireEventStandInSchema, type RejectionCode, type WireEvent } from '../../shared/sync/pushWire.ts';
import { checkJsonText, type JsonTextProblem } from '../../shared/text/checkJsonText.ts';
import { payloadSchemaOf } from './eventPayloadSchemas.ts';

export interface AcceptedEvent {
  readonly seq: number;
  readonly event: WireEvent;
  /** JSON text of the payload, produced once here and reused for the insert. */
  readonly payloadJson: string;
}

export interface RefusedEvent {
  readonly seq: number;
  readonly eventId: string | null;
  readonly code: RejectionCode;
  readonly message: string;
  /** JSON text of what the station sent (or a note when it was too large to keep). */
  readonly rawJson: string;
}

export type ClassifiedEvent = { readonly ok: true; readonly value: AcceptedEvent } | { readonly ok: false; readonly value: RefusedEvent };

function eventIdOf(raw: Record<string, unknown>): string | null {
  const id = raw['eventId'];
  return typeof id === 'string' && id.length > 0 && id.length <= 100 && checkJsonText(id) === null ? id : null;
}

/** Refuses an event holding text PostgreSQL (or a person) must not get, or nesting too deep to store. Its raw copy
 * is left out: it could not be stored either. */
function refuseUnsafe(seq: number, raw: Record<string, unknown>, problem: JsonTextProblem): ClassifiedEvent {
  const note = JSON.stringify({ omitted: true, reason: problem.kind, path: problem.path.slice(0, 200) });
  if (problem.kind === 'depth') {
    return refuse(seq, raw, 'TOO_DEEP', `The event nests deeper than ${problem.maxDepth} levels (at ${problem.path.slice(0, 200)})`, note);
  }
  return refuse(seq, raw, 'UNSAFE_TEXT', `The event holds a ${problem.found.problem} character (${problem.found.codePoint}) at ${problem.path.slice(0, 200)}`, note);
}

function refuse(seq: number, raw: Record<string, unknown>, code: RejectionCode, message: string, rawText: string | null): ClassifiedEvent {
  const rawJson = rawText !== null && rawText.length <= MAX_EVENT_BYTES ? rawText : JSON.stringify({ omitted: true, bytes: rawText?.length ?? null });
  return { ok: false, value: { seq, eventId: eventIdOf(raw), code, message: message.slice(0, 2000), rawJson } };
}

/** Bytes of the envelope fields around the payload, as they would be serialised. */
function envelopeBytes(e: WireEvent): number {
  return 120 + e.eventId.length + e.commandId.length + (e.intakeId?.length ?? 0) + e.type.length + String(e.seq).length + String(e.capturedAt).length;
}

export function classifyEvent(raw: Record<string, unknown> & { seq: number }): ClassifiedEvent {
  const seq = raw.seq;
  // Before anything else: every string (keys too) clean, nesting bounded. Iterative, so it cannot overflow.
  const unsafe = checkJsonText(raw);
  if (unsafe !== null) return refuseUnsafe(seq, raw, unsafe);
  const parsed = WireEventSchema.safeParse(raw);
  if (parsed.success) {
    // The common path serialises the payload once; that text is both the size check and what gets inserted.
    const payloadJson = JSON.stringify(parsed.data.payload);
    const size = payloadJson.length + envelopeBytes(parsed.data);
    if (size > MAX_EVENT_BYTES) return refuse(seq, raw, 'EVENT_TOO_LARGE', `Event is ${size} bytes; HQ stores events up to ${MAX_EVENT_BYTES}`, null);
    const payload = payloadSchemaOf(parsed.data.type).safeParse(parsed.data.payload);
    if (!payload.success) {
      const why = z.prettifyError(payload.error).replace(/\n/g, '; ');
      return refuse(seq, raw, 'INVALID_PAYLOAD', `The ${parsed.data.type} payload is not what HQ expects: ${why}`, JSON.stringify(raw));
    }
    return { ok: true, value: { seq, event: parsed.data, payloadJson } };
  }
  let rawText: string | null;
  try {
    rawText = JSON.stringify(raw);
  } catch {
    rawText = null;
  }
  if (rawText !== null && rawText.length > MAX_EVENT_BYTES) {
    return refuse(seq, raw, 'EVENT_TOO_LARGE', `Event is ${rawText.length} bytes; HQ stores events up to ${MAX_EVENT_BYTES}`, rawText);
  }
  const standIn = WireEventStandInSchema.safeParse(raw);
  if (standIn.success && standIn.data.payloadText !== undefined) {
    return refuse(seq, raw, 'PAYLOAD_NOT_JSON', 'The station could not read this event\'s payload as JSON', rawText);
  }
  if (standIn.success && standIn.data.payloadTooDeep === true) {
    return refuse(seq, raw, 'TOO_DEEP', 'The station left out a payload nested deeper than HQ stores', rawText);
  }
  if (standIn.success && standIn.data.payloadOmittedBytes !== undefined) {
    return refuse(seq, raw, 'EVENT_TOO_LARGE', `The station left out a ${standIn.data.payloadOmittedBytes}-byte payload: larger than HQ stores`, rawText);
  }
  return refuse(seq, raw, 'INVALID_EVENT', z.prettifyError(parsed.error), rawText);
}
