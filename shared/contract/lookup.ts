/**
 * Parcel lookup, history and lead corrections (issue 12 item 2): the schemas of `lookup.search`, `lookup.parcel`
 * and `intake.correct`. One search box finds a parcel by any number (inbound tracking, ECMS waybill, return
 * reference, shelf slot) or by part of the consignee name as stored; without text it lists parcels by day, verdict,
 * reason and operator, newest first, a page at a time (the page key is the last row's time and id, never an offset).
 */
import { z } from 'zod';
import { INTAKE_STATES } from '../intake/intakeStates.ts';
import { DECISIONS } from '../rules/verdict.ts';
import { REASON_CODES } from '../rules/reasonCodes.ts';
import { MASS_UNITS } from '../units/mass.ts';
import { LENGTH_UNITS } from '../units/length.ts';
import { IntakeViewSchema } from './intakeView.ts';
import { NOTE_MIN_LENGTH, OPERATOR_MAX_LENGTH, REASON_MAX_LENGTH } from './limits.ts';
import { workerText } from './safeText.ts';
import { stripUnsafeText } from '../text/cleanText.ts';

/** At most this many parcels per page. */
export const LOOKUP_PAGE_MAX = 100;
/** Partial names shorter than this are not searched (too many parcels would match). */
export const NAME_SEARCH_MIN_LENGTH = 3;
/** What a search box holds at most: a number or part of a name. */
export const LOOKUP_TEXT_MAX_LENGTH = 80;

/** Which number or field found the parcel. */
export const LOOKUP_MATCHES = ['tracking', 'waybill', 'returnReference', 'shelfSlot', 'consigneeName'] as const;
export type LookupMatch = (typeof LOOKUP_MATCHES)[number];

/** Where the next page starts: the last row of this one (newest first). */
export const LookupCursorSchema = z.object({ createdAt: z.number().int(), intakeId: z.string().uuid() });
export type LookupCursor = z.infer<typeof LookupCursorSchema>;

export const LookupSearchRequestSchema = z.object({
  /**
   * A number or part of a name; empty or absent: list by the filters. Typed or scanned into the box, so hidden
   * characters are stripped as from a scan; never masked (a 12-digit tracking number looks like a phone number, and
   * nothing typed here is stored).
   */
  text: z
    .string()
    .max(LOOKUP_TEXT_MAX_LENGTH, `Type at most ${LOOKUP_TEXT_MAX_LENGTH} characters: a number or part of a name.`)
    .transform((text) => stripUnsafeText(text, { keepScanSeparators: false }).trim())
    .optional(),
  /** A calendar day in the warehouse's own time zone (LAX: America/Los_Angeles, CHI: America/Chicago). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-12-04').optional(),
  decision: z.enum(DECISIONS).optional(),
  reason: z.enum(REASON_CODES).optional(),
  operator: workerText({ min: 1, max: OPERATOR_MAX_LENGTH }).optional(),
  after: LookupCursorSchema.optional(),
  limit: z.number().int().min(1).max(LOOKUP_PAGE_MAX),
});
export type LookupSearchRequest = z.input<typeof LookupSearchRequestSchema>;

export const LookupRowSchema = z.object({
  intakeId: z.string(),
  state: z.enum(INTAKE_STATES),
  tracking: z.string(),
  waybill: z.string().nullable(),
  /** The consignee's name as the station stores it (it may be masked or removed by retention). */
  consigneeName: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  reasons: z.array(z.enum(REASON_CODES)),
  holdLocation: z.string().nullable(),
  operator: z.string(),
  createdAt: z.number(),
  /** How a text search found it (null in a list by filters). */
  matchedBy: z.enum(LOOKUP_MATCHES).nullable(),
});
export type LookupRow = z.infer<typeof LookupRowSchema>;

export const LookupPageSchema = z.object({
  rows: z.array(LookupRowSchema),
  /** The key of the next page; null when this is the last one. */
  next: LookupCursorSchema.nullable(),
  /** Set when the text was too short to search names, in plain words. */
  note: z.string().nullable(),
});
export type LookupPage = z.infer<typeof LookupPageSchema>;

/** Where an event stands with HQ: waiting in the outbox, stored at HQ, or refused by HQ (with its reason). */
export const TRAIL_SYNC_STATES = ['queued', 'atHq', 'refused'] as const;

export const TrailEntrySchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.number(),
  /** Who did it, when the event names a person; else the parcel's operator. */
  operator: z.string(),
  /** What happened, in plain words. */
  what: z.string(),
  sync: z.enum(TRAIL_SYNC_STATES),
  syncError: z.string().nullable(),
});
export type TrailEntry = z.infer<typeof TrailEntrySchema>;

export const ParcelHistorySchema = z.object({
  intake: IntakeViewSchema,
  trail: z.array(TrailEntrySchema),
  /** Whether a lead may correct it now (it is printed or done). */
  correctable: z.boolean(),
});
export type ParcelHistory = z.infer<typeof ParcelHistorySchema>;

const decimalText = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'a number such as 12 or 3.25');

/**
 * A lead's correction of a printed or done parcel: new facts (weight, size, damage) and the reason; the verdict
 * engine decides again from the corrected facts, and documents that no longer match are voided.
 */
export const CorrectionRequestSchema = z
  .object({
    commandId: z.string().uuid(),
    intakeId: z.string().uuid(),
    reason: workerText({ min: NOTE_MIN_LENGTH, max: REASON_MAX_LENGTH }),
    weight: z.object({ value: decimalText, unit: z.enum(MASS_UNITS) }).optional(),
    dims: z.object({ length: decimalText, width: decimalText, height: decimalText, unit: z.enum(LENGTH_UNITS) }).optional(),
    damaged: z.boolean().optional(),
  })
  .refine((r) => r.weight !== undefined || r.dims !== undefined || r.damaged !== undefined, {
    message: 'Change the weight, the size or the damage before saving the correction.',
    path: ['weight'],
  });

export const COMMAND_LOOKUP = {
  'lookup.search': { request: LookupSearchRequestSchema, response: LookupPageSchema },
  'lookup.parcel': { request: z.object({ intakeId: z.string().uuid() }), response: ParcelHistorySchema },
  'intake.correct': { request: CorrectionRequestSchema, response: ParcelHistorySchema },
} as const;
