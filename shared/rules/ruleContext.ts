/**
 * Everything the verdict engine needs besides the parcel: the acceptance limits, the rate card in force, the
 * prohibited-goods rule sets and the weight-mismatch tolerance for one destination at one warehouse and instant.
 * Built from reference documents (HQ sync rows or resources/reference files) by buildRuleContext(): every document
 * of our kinds is validated; a corrupt one, or missing rate cards / rules, is a typed error — never a silent default.
 */
import type { Destination, Warehouse } from '../manifest/destinations.ts';
import { DEFAULT_LIMITS, resolveLimits, type AcceptanceLimits } from './limits.ts';
import { ProhibitedRuleSetSchema, ruleSetAppliesTo, type ProhibitedRuleSet } from './prohibitedRules.ts';
import { RateCardSchema, selectRateCard, type RateCardRef } from './rateCard.ts';
import { DEFAULT_WEIGHT_TOLERANCE, type WeightTolerance } from './weightTolerance.ts';

export interface RuleContext {
  /** The destination this context was built for; null for a parcel without a manifest. */
  readonly destination: Destination | null;
  readonly warehouse: Warehouse;
  /** The instant the rate card was selected for (epoch ms). */
  readonly at: number;
  readonly limits: AcceptanceLimits;
  /** null: no card is in force for the destination here and now → the destination is not served. */
  readonly rateCard: RateCardRef | null;
  readonly prohibitedRules: readonly ProhibitedRuleSet[];
  readonly weightTolerance: WeightTolerance;
}

export const RULE_CONTEXT_ERROR_CODES = [
  /** A reference document of kind rateCard or prohibitedRules is not valid JSON or fails its schema. */
  'REFERENCE_DOC_CORRUPT',
  /** The station has no rate card at all: reference data was never synced. */
  'NO_RATE_CARDS',
  /** No prohibited-goods rule set applies to the destination: items cannot be screened. */
  'NO_PROHIBITED_RULES',
  /** Two rate cards tie for the same destination, warehouse and instant. */
  'RATE_CARD_AMBIGUOUS',
] as const;
export type RuleContextErrorCode = (typeof RULE_CONTEXT_ERROR_CODES)[number];

export interface RuleContextError {
  readonly code: RuleContextErrorCode;
  readonly message: string;
  readonly docId?: string;
}

export type RuleContextResult = { readonly ok: true; readonly context: RuleContext } | { readonly ok: false; readonly error: RuleContextError };

/** A reference document whose body is already JSON-parsed (or `undefined` if its JSON was unreadable). */
export interface ReferenceDocInput {
  readonly kind: string;
  readonly docId: string;
  readonly version: string;
  readonly body: unknown;
}

export interface RuleContextRequest {
  readonly destination: Destination | null;
  readonly warehouse: Warehouse;
  readonly at: number;
  readonly weightTolerance?: WeightTolerance;
}

export interface ParsedReferenceData {
  readonly rateCards: readonly RateCardRef[];
  readonly ruleSets: readonly ProhibitedRuleSet[];
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

/** Validates every rateCard and prohibitedRules document; other kinds are ignored. */
export function parseReferenceDocs(docs: readonly ReferenceDocInput[]): { ok: true; data: ParsedReferenceData } | { ok: false; error: RuleContextError } {
  const rateCards: RateCardRef[] = [];
  const ruleSets: ProhibitedRuleSet[] = [];
  for (const doc of docs) {
    if (doc.kind === 'rateCard') {
      const parsed = RateCardSchema.safeParse(doc.body);
      if (!parsed.success) {
        return { ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: doc.docId, message: `Rate card ${doc.docId} (version ${doc.version}) is not valid: ${issueText(parsed.error)}` } };
      }
      rateCards.push({ docId: doc.docId, docVersion: doc.version, card: parsed.data });
    } else if (doc.kind === 'prohibitedRules') {
      const parsed = ProhibitedRuleSetSchema.safeParse(doc.body);
      if (!parsed.success) {
        return { ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: doc.docId, message: `Prohibited-goods rules ${doc.docId} (version ${doc.version}) are not valid: ${issueText(parsed.error)}` } };
      }
      ruleSets.push(parsed.data);
    }
  }
  return { ok: true, data: { rateCards, ruleSets } };
}

/** The rule context for one destination (or none) from already-validated reference data. */
export function contextFromParsed(data: ParsedReferenceData, request: RuleContextRequest): RuleContextResult {
  const { destination, warehouse, at } = request;
  const weightTolerance = request.weightTolerance ?? DEFAULT_WEIGHT_TOLERANCE;
  if (data.rateCards.length === 0) {
    return { ok: false, error: { code: 'NO_RATE_CARDS', message: 'The station has no rate cards: reference data from HQ has not arrived. Sync, then try again.' } };
  }
  if (destination === null) {
    return { ok: true, context: { destination, warehouse, at, limits: DEFAULT_LIMITS, rateCard: null, prohibitedRules: [], weightTolerance } };
  }
  const prohibitedRules = data.ruleSets.filter((s) => ruleSetAppliesTo(s, destination));
  if (prohibitedRules.length === 0) {
    return {
      ok: false,
      error: { code: 'NO_PROHIBITED_RULES', message: `No prohibited-goods rules apply to ${destination}: the items cannot be screened. Sync reference data, then try again.` },
    };
  }
  const selection = selectRateCard(data.rateCards, destination, warehouse, at);
  if (selection.kind === 'ambiguous') {
    return {
      ok: false,
      error: {
        code: 'RATE_CARD_AMBIGUOUS',
        message: `Rate cards ${selection.docIds.join(', ')} are all in force for ${destination} at ${warehouse} from the same instant; HQ must retire one.`,
      },
    };
  }
  const rateCard = selection.kind === 'found' ? selection.ref : null;
  const limits = rateCard?.card.limits ? resolveLimits(rateCard.card.limits, 'rateCard') : DEFAULT_LIMITS;
  return { ok: true, context: { destination, warehouse, at, limits, rateCard, prohibitedRules, weightTolerance } };
}

export function buildRuleContext(docs: readonly ReferenceDocInput[], request: RuleContextRequest): RuleContextResult {
  const parsed = parseReferenceDocs(docs);
  if (!parsed.ok) return parsed;
  return contextFromParsed(parsed.data, request);
}
