/**
 * GET /v1/pull/{stream}: reference data HQ sends down, one page at a time, each page applied by the station in one
 * transaction together with the page's cursor. Cursors are opaque strings issued by HQ (never built from station
 * clocks). `reset` orders the station to drop its copy of the stream and download it again from no cursor.
 */
import { z } from 'zod';
import { ID_STATUSES, DUTY_STATUSES } from '../manifest/manifestEntry.ts';
import { ReferenceDocSchema } from './referenceDoc.ts';
import { findTextProblem } from '../text/cleanText.ts';

export const PULL_STREAMS = ['manifests', 'rateCards', 'prohibitedRules'] as const;
export type PullStream = (typeof PULL_STREAMS)[number];
export const PullStreamSchema = z.enum(PULL_STREAMS);

export const DEFAULT_PULL_LIMIT = 2000;
export const MAX_PULL_LIMIT = 10_000;

export const PullQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(500).refine((s) => findTextProblem(s) === null, 'not a cursor HQ issued').optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  /** Optional: a station may name its warehouse; HQ refuses if it is not the token's. */
  warehouse: z.string().max(10).refine((s) => findTextProblem(s) === null, 'not a warehouse code').optional(),
  /** "1": also count what is left to send (for a progress bar); costs a count at HQ, so ask on a first page only. */
  withRemaining: z.enum(['0', '1']).optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/** Manifests: a whole entry (validated by the station with ManifestEntrySchema), or only new statuses of an entry
 * the station already holds (consignee ID received, duties paid, …). */
export const ManifestUpsertItemSchema = z.strictObject({ op: z.literal('upsert'), entry: z.unknown() });
export const ManifestStatusItemSchema = z.strictObject({
  op: z.literal('status'),
  waybill: z.string().min(1).max(40),
  consigneeIdStatus: z.enum(ID_STATUSES),
  dutiesStatus: z.enum(DUTY_STATUSES),
});
export const ManifestItemSchema = z.discriminatedUnion('op', [ManifestUpsertItemSchema, ManifestStatusItemSchema]);
export type ManifestPullItem = z.infer<typeof ManifestItemSchema>;

export const ReferenceItemSchema = z.strictObject({ op: z.literal('upsert'), doc: z.unknown() });
export type ReferencePullItem = z.infer<typeof ReferenceItemSchema>;
export { ReferenceDocSchema };

const PageCommon = {
  stream: PullStreamSchema,
  /** Give this back to get the next page. */
  cursor: z.string().min(1).max(500),
  /** True when this page brought the station up to date (no more pages now). */
  upToDate: z.boolean(),
  /** Items still to send after this page, when asked with withRemaining=1. */
  remaining: z.number().int().nonnegative().optional(),
};

/** The page envelope; items are checked one by one by the station's applier, so one bad item can be set aside. */
export const PullPageSchema = z.strictObject({
  reset: z.literal(false),
  ...PageCommon,
  items: z.array(z.unknown()).max(MAX_PULL_LIMIT),
});
export const PullResetSchema = z.strictObject({
  reset: z.literal(true),
  stream: PullStreamSchema,
  reason: z.string().max(500),
});
export const PullResponseSchema = z.discriminatedUnion('reset', [PullPageSchema, PullResetSchema]);
export type PullResponse = z.infer<typeof PullResponseSchema>;
export type PullPage = z.infer<typeof PullPageSchema>;
