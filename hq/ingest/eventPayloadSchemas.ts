/**
 * The payload schema of each station event type HQ knows (the types electron/station and electron/holds write).
 * Every payload must be a JSON object; a known type must also carry its fields with the right types. The objects
 * are loose: a station on a newer version may add fields, and HQ stores them as sent. An event type HQ does not
 * know yet (a newer station) is held to the common rules only: an object, clean text, bounded nesting
 * (classifyEvents.ts), so it is stored rather than lost.
 */
import { z } from 'zod';

const text = z.string();
const optionalText = z.string().nullable();
const count = z.number().int();
const measure = z.number().nonnegative();

const holdBase = { holdId: text, waybill: optionalText, location: text };

export const EVENT_PAYLOAD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  INTAKE_SCANNED: z.looseObject({ raw: text, source: text, kind: text, carrier: optionalText, tracking: optionalText, waybill: optionalText, prealert: z.boolean() }),
  WEIGHT_CAPTURED: z.looseObject({ mass: count, unit: text, source: z.enum(['scale', 'manual']) }),
  DIMENSIONS_SET: z.looseObject({ length: measure, width: measure, height: measure, unit: text }),
  DAMAGE_REPORTED: z.looseObject({ damaged: z.boolean(), note: optionalText }),
  VERDICT_COMMITTED: z.looseObject({ verdict: z.looseObject({}), damaged: z.boolean() }),
  PRINT_REQUESTED: z.looseObject({}),
  INTAKE_FINISHED: z.looseObject({}),
  INTAKE_CANCELLED: z.looseObject({ reason: text }),
  HOLD_PLACED: z.looseObject({ ...holdBase, heldAt: count, expiresAt: count }),
  HOLD_RELEASED: z.looseObject({ ...holdBase, cause: text }),
  HOLD_RETURNED: z.looseObject({ ...holdBase, cause: text }),
  HOLD_REASONS_CHANGED: z.looseObject({ ...holdBase, cause: text }),
};

/** Any event payload: a JSON object (never null, an array or a bare value). */
export const AnyEventPayloadSchema = z.record(z.string(), z.unknown());

export function payloadSchemaOf(type: string): z.ZodType {
  return Object.hasOwn(EVENT_PAYLOAD_SCHEMAS, type) ? (EVENT_PAYLOAD_SCHEMAS[type] ?? AnyEventPayloadSchema) : AnyEventPayloadSchema;
}
