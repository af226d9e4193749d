/**
 * A versioned reference document delivered by HQ (or shipped as a sample in resources/reference/): a rate card or a
 * prohibited-goods rule set. The body is validated by the schema of its kind (shared/rules) before use.
 * Stored on the station in the reference_docs table, one row per (kind, docId).
 */
import { z } from 'zod';

export const REFERENCE_KINDS = ['rateCard', 'prohibitedRules'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const ReferenceDocSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  /** Unique within its kind, e.g. "card-a-CN-2026-01". */
  docId: z.string().min(1).max(100),
  version: z.string().min(1).max(50),
  body: z.unknown(),
});
export type ReferenceDoc = z.infer<typeof ReferenceDocSchema>;

/** A file of reference documents (resources/reference/*.json, or an HQ admin import). */
export const ReferenceDocFileSchema = z.object({
  sample: z.boolean().optional(),
  docs: z.array(ReferenceDocSchema).min(1),
});
