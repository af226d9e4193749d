/**
 * Validates the body of an imported reference document by its kind, with the schema the rules engine uses
 * (shared/rules): rate cards with RateCardSchema, prohibited-goods rule sets with ProhibitedRuleSetSchema.
 */
import { z } from 'zod';
import { RateCardSchema } from '../../shared/rules/rateCard.ts';
import { ProhibitedRuleSetSchema } from '../../shared/rules/prohibitedRules.ts';
import type { ReferenceKind } from '../../shared/sync/referenceDoc.ts';

const BODY_SCHEMAS: Record<ReferenceKind, z.ZodType> = {
  rateCard: RateCardSchema,
  prohibitedRules: ProhibitedRuleSetSchema,
};

export function validateReferenceBody(kind: ReferenceKind, body: unknown): { ok: true; body: unknown } | { ok: false; message: string } {
  const res = BODY_SCHEMAS[kind].safeParse(body);
  return res.success ? { ok: true, body } : { ok: false, message: z.prettifyError(res.error).replace(/\n/g, '; ') };
}
