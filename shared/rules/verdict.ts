/**
 * The outcome of the rules for one parcel: ACCEPT, HOLD or RETURN, always with its reasons.
 * Produced by the pure verdict engine in shared/rules and stored with the intake.
 */
import { z } from 'zod';
import { CURRENCIES } from './money.ts';
import { REASON_CODES } from './reasonCodes.ts';
import { ReasonDetailSchema } from './reasonDetail.ts';
import { RepriceInputsSchema } from './repriceInputs.ts';

export const DECISIONS = ['ACCEPT', 'HOLD', 'RETURN'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What each decision tells the worker to do with the parcel: the one wording of a decision, wherever it is shown. */
const DECISION_WORDS: Readonly<Record<Decision, { readonly word: string; readonly action: string }>> = {
  ACCEPT: { word: 'Accept', action: 'relabel and send on' },
  HOLD: { word: 'Hold', action: 'put it on the hold shelf' },
  RETURN: { word: 'Return', action: 'send it back to the sender' },
};

/** The decision as a sentence among the verdict's lines: "Accept: relabel and send on." */
export function decisionText(decision: Decision): string {
  const w = DECISION_WORDS[decision];
  return `${w.word}: ${w.action}.`;
}

/** The decision as the screen's heading: "ACCEPT — relabel and send on". */
export function decisionHeading(decision: Decision): string {
  return `${decision} — ${DECISION_WORDS[decision].action}`;
}

export const VerdictReasonSchema = z.object({
  code: z.enum(REASON_CODES),
  /** What this reason does to the parcel: RETURN and HOLD decide; FLAG only asks for inspection. */
  effect: z.enum(['RETURN', 'HOLD', 'FLAG']),
  /** Plain words for the worker, e.g. "Weighs 45.20 lb; the limit is 44.00 lb." */
  message: z.string(),
  /** Added: the structured facts behind the message (reasonText.ts words them again, e.g. in another unit). */
  detail: ReasonDetailSchema.optional(),
});
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;

export const RepriceSchema = z.object({
  currency: z.enum(CURRENCIES),
  estimateMinor: z.number().int(),
  priceMinor: z.number().int(),
  deltaMinor: z.number().int(),
  billableMass: z.number().int(),
  rateCardId: z.string(),
  rateCardVersion: z.string(),
  /** Added: freight and fuel parts of priceMinor. */
  freightMinor: z.number().int().optional(),
  fuelMinor: z.number().int().optional(),
  /** Added: every input of the price, including the whole rate card, so reproduceReprice() recomputes it exactly. */
  inputs: RepriceInputsSchema.optional(),
  /** Added: every pricing rule applied, in words. */
  trace: z.array(z.object({ rule: z.string(), detail: z.string() })).optional(),
});
export type Reprice = z.infer<typeof RepriceSchema>;

export const VerdictSchema = z.object({
  decision: z.enum(DECISIONS),
  reasons: z.array(VerdictReasonSchema),
  reprice: RepriceSchema.nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
