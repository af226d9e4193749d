/**
 * The exceptions a lead acts on (issue 12, item 4): dead letters with HQ's reason (retry or resolve), the hold
 * shelf's audit log, holds near expiry, and ACCEPTs flagged WEIGHT_MISMATCH or CONTENT_REVIEW still waiting for
 * inspection (the "inspected" action writes a PARCEL_INSPECTED event, synced to HQ).
 */
import { z } from 'zod';
import { DeadLetterSchema } from './deadLetters.ts';
import { HoldListingSchema } from './holds.ts';
import { DEAD_LETTERS_MAX, NOTE_MAX_LENGTH, NOTE_MIN_LENGTH } from './limits.ts';
import { workerText } from './safeText.ts';

/** A hold this close to its expiry (or past it) is listed as near expiry. */
export const HOLD_NEAR_EXPIRY_DAYS = 3;
/** Flagged parcels are looked for this far back. */
export const INSPECTION_LOOKBACK_DAYS = 30;
export const HOLD_AUDIT_MAX = 500;
export const INSPECTION_FLAGS = ['WEIGHT_MISMATCH', 'CONTENT_REVIEW'] as const;

export const AwaitingInspectionSchema = z.object({
  intakeId: z.string(),
  waybill: z.string().nullable(),
  tracking: z.string(),
  operator: z.string(),
  updatedAt: z.number(),
  codes: z.array(z.enum(INSPECTION_FLAGS)),
});

export const ExceptionsSchema = z.object({
  deadLetters: z.array(DeadLetterSchema),
  holdsNearExpiry: z.array(HoldListingSchema),
  awaitingInspection: z.array(AwaitingInspectionSchema),
});
export type Exceptions = z.infer<typeof ExceptionsSchema>;

export const HOLD_AUDIT_ACTIONS = ['placed', 'reasons_changed', 'released', 'auto_released', 'returned', 'expired'] as const;
export const HoldAuditEntrySchema = z.object({
  auditId: z.number().int(),
  holdId: z.string(),
  intakeId: z.string(),
  waybill: z.string().nullable(),
  location: z.string(),
  action: z.enum(HOLD_AUDIT_ACTIONS),
  operator: z.string(),
  note: z.string().nullable(),
  batchId: z.string().nullable(),
  at: z.number(),
});
export type HoldAuditEntry = z.infer<typeof HoldAuditEntrySchema>;

const commandId = z.string().uuid();
const note = workerText({ min: NOTE_MIN_LENGTH, max: NOTE_MAX_LENGTH });
const changed = z.object({ changed: z.boolean() });

export const EXCEPTION_COMMANDS = {
  'exceptions.list': { request: z.object({ limit: z.number().int().min(1).max(DEAD_LETTERS_MAX) }), response: ExceptionsSchema },
  'holds.audit': {
    request: z.object({ holdId: z.string().min(1).max(64).optional(), limit: z.number().int().min(1).max(HOLD_AUDIT_MAX) }),
    response: z.array(HoldAuditEntrySchema),
  },
  /** Send a dead letter to HQ again (after HQ was fixed); `changed` false: it was not a dead letter (any more). */
  'sync.retryDeadLetter': { request: z.object({ commandId, seq: z.number().int().positive() }), response: changed },
  /** A lead has dealt with a dead letter another way; it leaves the list, the event stays. */
  'sync.resolveDeadLetter': { request: z.object({ commandId, seq: z.number().int().positive(), note }), response: changed },
  /** A flagged parcel was looked at: a PARCEL_INSPECTED event, synced to HQ. */
  'intake.markInspected': { request: z.object({ commandId, intakeId: z.string().uuid(), note }), response: changed },
} as const;
