/**
 * The payload schema of each station event type HQ knows (the types electron/station and electron/holds write).
 * Every payload must be a JSON object; a known type must also carry its fields with the right types. The objects
 * are loose: a station on a newer version may add fields, and HQ stores them as sent. An event type HQ does not
 * know yet (a newer station) is held to the common rules only: an object, clean text, bounded nesting
 * (classifyEvents.ts), so it is stored rather than lost.
 */
import { z } from 'zod';
import { PHOTO_MIME_TYPES } from '../../shared/contract/photosLimits.ts';
import { DOCUMENT_KINDS } from '../../shared/printing/documentKinds.ts';
import { ROLES } from '../../shared/contract/commandRoles.ts';
import { SIGN_OUT_CAUSES } from '../../shared/contract/operators.ts';

const text = z.string();
const optionalText = z.string().nullable();
const count = z.number().int();
const measure = z.number().nonnegative();

const holdBase = { holdId: text, waybill: optionalText, location: text };
const document = z.enum(DOCUMENT_KINDS);
const printJob = { jobId: text, document, copy: count };
const role = z.enum(ROLES);
/** Who an operator event is about, and (roster changes) the lead who made it; null: the station tool. */
const operatorBase = { operatorId: text };
const operatorState = { ...operatorBase, name: text, role, active: z.boolean(), by: optionalText };
/** A PIN or its hash never leaves the station: an operator event that carries one is refused, not stored. */
const noPin = (schema: z.ZodObject) => schema.refine((p) => !Object.keys(p).some((k) => /pin/i.test(k)), 'an operator event never carries a PIN or its hash');

export const EVENT_PAYLOAD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  INTAKE_SCANNED: z.looseObject({ raw: text, source: text, kind: text, carrier: optionalText, tracking: optionalText, waybill: optionalText, prealert: z.boolean() }),
  WEIGHT_CAPTURED: z.looseObject({ mass: count, unit: text, source: z.enum(['scale', 'manual']) }),
  DIMENSIONS_SET: z.looseObject({ length: measure, width: measure, height: measure, unit: text }),
  DAMAGE_REPORTED: z.looseObject({ damaged: z.boolean(), note: optionalText }),
  VERDICT_COMMITTED: z.looseObject({ verdict: z.looseObject({}), damaged: z.boolean() }),
  /** A lead's correction of a printed or done parcel: the reason, who, and the verdict decided again (issue 12). */
  INTAKE_CORRECTED: z.looseObject({ reason: text, operator: text, verdict: z.looseObject({ decision: z.enum(['ACCEPT', 'HOLD', 'RETURN']) }), damaged: z.boolean(), before: z.looseObject({}) }),
  PRINT_REQUESTED: z.looseObject({}),
  INTAKE_FINISHED: z.looseObject({}),
  INTAKE_CANCELLED: z.looseObject({ reason: text }),
  HOLD_PLACED: z.looseObject({ ...holdBase, heldAt: count, expiresAt: count }),
  HOLD_RELEASED: z.looseObject({ ...holdBase, cause: text }),
  HOLD_RETURNED: z.looseObject({ ...holdBase, cause: text }),
  HOLD_REASONS_CHANGED: z.looseObject({ ...holdBase, cause: text }),
  /** A lead looked at a parcel flagged for inspection (issue 12, exceptions). */
  PARCEL_INSPECTED: z.looseObject({ codes: z.array(text), note: text, operator: text }),
  /** A damage photo was kept at the station (issue 12, item 5); the file follows by PUT /v1/photos/{photoId}. */
  PHOTO_TAKEN: z.looseObject({
    photoId: z.string().uuid(), mime: z.enum(PHOTO_MIME_TYPES), bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/), operator: text, takenAt: count, keepUntil: count,
  }),
  /** Operators and their sessions (issue 12 item 1; electron/station/operatorEvents.ts); HQ's view hq_operators. */
  OPERATOR_ADDED: noPin(z.looseObject(operatorState)),
  OPERATOR_UPDATED: noPin(z.looseObject(operatorState)),
  OPERATOR_PIN_RESET: noPin(z.looseObject({ ...operatorBase, by: optionalText })),
  OPERATOR_SIGNED_IN: noPin(z.looseObject({ ...operatorBase, name: text, role })),
  OPERATOR_SIGNED_OUT: noPin(z.looseObject({ ...operatorBase, cause: z.enum(SIGN_OUT_CAUSES), idleMinutes: count.nullable() })),
  /** Printing (electron/printing/printJobEvents.ts): each job's life, and the documents voided when a verdict changed. */
  DOCUMENT_QUEUED: z.looseObject({ ...printJob, reason: text, subject: text }),
  DOCUMENT_PRINTED: z.looseObject({ ...printJob, by: z.enum(['printer', 'person']), voided: z.boolean() }),
  DOCUMENT_PRINT_DELAYED: z.looseObject({ jobId: text, document, code: text, message: text }),
  DOCUMENT_PRINT_HANDOFF: z.looseObject(printJob),
  DOCUMENT_PRINT_FAILED: z.looseObject({ ...printJob, attempts: count, code: text, message: text }),
  DOCUMENT_NOT_PRINTED: z.looseObject({ document, code: text, message: text }),
  DOCUMENT_VOIDED: z.looseObject({ ...printJob, state: text, reason: text }),
};

/** Any event payload: a JSON object (never null, an array or a bare value). */
export const AnyEventPayloadSchema = z.record(z.string(), z.unknown());

export function payloadSchemaOf(type: string): z.ZodType {
  return Object.hasOwn(EVENT_PAYLOAD_SCHEMAS, type) ? (EVENT_PAYLOAD_SCHEMAS[type] ?? AnyEventPayloadSchema) : AnyEventPayloadSchema;
}
