/**
 * POST /v1/push: the station sends its outbox in sequence order; HQ stores each event once and answers the highest
 * sequence number it holds for the station (the acknowledgement), in the same transaction as the inserts.
 *
 * Two levels of checking at HQ, on purpose:
 *  - the envelope (PushRequestSchema) must parse, or the whole request is refused (400);
 *  - each event is then checked on its own (WireEventSchema); an event that fails is refused FOR GOOD: HQ records
 *    it as rejected, still advances the station's high-water mark past it, and lists it in `rejected`, so one bad
 *    event never blocks the events behind it (../shared/reference/sync.md §3 point 5).
 */
import { z } from 'zod';

export const PUSH_PROTOCOL = 1;
/** Most events in one push. */
export const MAX_PUSH_EVENTS = 5000;
/** Largest serialized event HQ stores; the station sends bigger ones without their payload (HQ then rejects). */
export const MAX_EVENT_BYTES = 256 * 1024;
/** Largest push body HQ reads. */
export const MAX_PUSH_BODY_BYTES = 16 * 1024 * 1024;

const Id = z.string().min(1).max(100);

/** One event as HQ stores it. */
export const WireEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  eventId: Id,
  commandId: Id,
  /** The parcel the event is about; null for an event about no parcel (OPERATOR_*, issue 12). */
  intakeId: Id.nullable(),
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/),
  /** Device time, epoch ms: informational only, never used for ordering. */
  capturedAt: z.number().int().nonnegative(),
  /** The event's JSON payload. Required; any JSON value (the body was parsed from JSON text, so it can only hold
   * JSON values — a recursive z.json() check would only cost time on every event). */
  payload: z.unknown().refine((v) => v !== undefined, 'payload is required'),
});
export type WireEvent = z.infer<typeof WireEventSchema>;

/**
 * What the station sends for an event it cannot send whole: its payload text is not JSON (`payloadText`), the
 * event is too large (`payloadOmittedBytes`), or its payload nests too deep to serialise safely (`payloadTooDeep`). HQ refuses such events for good, so they reach the dead letters on
 * both sides instead of blocking the queue; the station keeps the original row.
 */
export const WireEventStandInSchema = z.strictObject({
  seq: z.number().int().positive(),
  eventId: Id,
  commandId: Id.optional(),
  intakeId: Id.nullable().optional(),
  type: z.string().max(200).optional(),
  capturedAt: z.number().optional(),
  payloadText: z.string().max(4096).optional(),
  payloadOmittedBytes: z.number().int().nonnegative().optional(),
  /** The payload nests deeper than HQ stores (shared/text/checkJsonText.ts): it is left out, not even serialised. */
  payloadTooDeep: z.literal(true).optional(),
});

/** The envelope. Events are only required to carry a sequence number here; see the file comment. */
export const PushRequestSchema = z.strictObject({
  protocol: z.literal(PUSH_PROTOCOL),
  stationId: z.string().min(1).max(40),
  events: z.array(z.looseObject({ seq: z.number().int().positive() })).min(1).max(MAX_PUSH_EVENTS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const REJECTION_CODES = [
  /** The event's envelope (seq, ids, type, time) does not match WireEventSchema. */
  'INVALID_EVENT',
  /** The payload is not a JSON object, or not the shape its event type has (hq/ingest/eventPayloadSchemas.ts). */
  'INVALID_PAYLOAD',
  /** Some text holds NUL or another control character, a lone surrogate, a direction override or a zero-width
   * character (shared/text/cleanText.ts): PostgreSQL cannot store some of these, and none belongs in a record. */
  'UNSAFE_TEXT',
  /** The payload nests deeper than HQ stores (shared/text/checkJsonText.ts MAX_JSON_DEPTH). */
  'TOO_DEEP',
  'PAYLOAD_NOT_JSON',
  'EVENT_TOO_LARGE',
  'DUPLICATE_EVENT_ID',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const RejectedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  code: z.enum(REJECTION_CODES),
  message: z.string().max(2000),
});
export type RejectedEvent = z.infer<typeof RejectedEventSchema>;

export const PushResponseSchema = z.object({
  /** Highest sequence number HQ holds for this station (stored or rejected-for-good). */
  ackSeq: z.number().int().nonnegative(),
  /** Every event in the request's sequence range that HQ refused for good, including ones refused on an earlier
   * attempt (so a retried request whose first answer was lost still learns about them). */
  rejected: z.array(RejectedEventSchema),
  /** HQ clock, epoch ms (for skew display only). */
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;
