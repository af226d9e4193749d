/**
 * The verdict engine: pure and data-driven. From the manifest (or none), the measured weight and size, the worker's
 * damage report and the rule context it decides ACCEPT, HOLD or RETURN, always with every reason:
 *
 *   RETURN  OVERWEIGHT, OVERSIZE (limits, inclusive), DAMAGED_PACKAGING, DESTINATION_NOT_SERVED, PROHIBITED
 *   HOLD    NO_PREALERT (no manifest), ID_MISSING / ID_INVALID (CN, KR, TW), DUTIES_UNPAID,
 *           RESTRICTED_DOCS, DECLARATION_INVALID (not English, or vague)
 *   FLAG    WEIGHT_MISMATCH, CONTENT_REVIEW, PRICE_UNAVAILABLE — inspection only, the decision is unchanged
 *
 * The decision is the strongest effect present (RETURN > HOLD > ACCEPT). A parcel that will ship (ACCEPT or HOLD)
 * with a manifest is repriced on the rate card in force; the record reproduces exactly (reprice.ts).
 * Reasons carry a plain-language message (reasonText.ts) and the structured detail behind it.
 */
import type { ManifestEntry } from '../manifest/manifestEntry.ts';
import type { Dimensions } from '../units/length.ts';
import { MAX_MASS_Q, type MassQ } from '../units/mass.ts';
import { checkLimits } from './limits.ts';
import { screenItems, type ContentHit } from './prohibitedRules.ts';
import type { ReasonDetail } from './reasonDetail.ts';
import { DEFAULT_DISPLAY_UNITS, reasonText, type DisplayUnits } from './reasonText.ts';
import { repriceParcel } from './reprice.ts';
import type { RuleContext } from './ruleContext.ts';
import { RulesError } from './ruleError.ts';
import { dutiesReason, idReason } from './statusReasons.ts';
import type { Decision, Reprice, Verdict, VerdictReason } from './verdict.ts';
import { massOf } from './amounts.ts';
import { isWeightMismatch } from './weightTolerance.ts';

export interface VerdictInput {
  /** The pre-alert manifest the scan matched, or null (the parcel is then held: NO_PREALERT). */
  readonly manifest: ManifestEntry | null;
  readonly measuredMass: MassQ;
  readonly dims: Dimensions | null;
  /** Damaged packaging reported by the worker. */
  readonly damaged: boolean;
  /** From loadRuleContext(db, manifest?.destination ?? null, now, …). */
  readonly context: RuleContext;
  /** Units the messages are written in (the station's display units). */
  readonly display?: DisplayUnits;
}

type Effect = VerdictReason['effect'];

const EFFECT_RANK: Readonly<Record<Effect, number>> = { RETURN: 0, HOLD: 1, FLAG: 2 };

const SEVERITY_TO_REASON = {
  PROHIBITED: { code: 'PROHIBITED', effect: 'RETURN' },
  RESTRICTED: { code: 'RESTRICTED_DOCS', effect: 'HOLD' },
  REVIEW: { code: 'CONTENT_REVIEW', effect: 'FLAG' },
} as const;

function hitDetail(hit: ContentHit, destination: ManifestEntry['destination']): ReasonDetail {
  const severity = hit.rule.severity === 'VAGUE' ? 'REVIEW' : hit.rule.severity;
  const base = {
    destination,
    item: hit.item,
    description: hit.description,
    quantity: hit.quantity,
    matched: hit.matched,
    via: hit.via,
    category: hit.rule.category,
    ruleId: hit.rule.id,
    ruleSetId: hit.ruleSetId,
    ...(hit.rule.note !== undefined ? { note: hit.rule.note } : {}),
    ...(hit.rule.quantityOver !== undefined ? { quantityOver: hit.rule.quantityOver } : {}),
  };
  return { code: SEVERITY_TO_REASON[severity].code, ...base };
}

function effectOfHit(hit: ContentHit): Effect {
  return SEVERITY_TO_REASON[hit.rule.severity === 'VAGUE' ? 'REVIEW' : hit.rule.severity].effect;
}

export function decideVerdict(input: VerdictInput): Verdict {
  const { manifest, measuredMass, dims, damaged, context } = input;
  const units = input.display ?? DEFAULT_DISPLAY_UNITS;
  if (!Number.isSafeInteger(measuredMass) || measuredMass <= 0 || measuredMass > MAX_MASS_Q) {
    throw new RulesError('INVALID_MEASUREMENT', `measured mass ${measuredMass} is not a positive whole number of quanta within range`);
  }
  if (dims !== null && [dims.length, dims.width, dims.height].some((s) => !Number.isSafeInteger(s) || s <= 0)) {
    throw new RulesError('INVALID_MEASUREMENT', 'every side must be a positive whole number of nanometres');
  }
  if (manifest !== null && context.destination !== manifest.destination) {
    throw new RulesError('CONTEXT_MISMATCH', `rule context is for ${String(context.destination)} but the manifest goes to ${manifest.destination}`);
  }

  const found: Array<{ detail: ReasonDetail; effect: Effect }> = [];
  const add = (detail: ReasonDetail, effect: Effect) => found.push({ detail, effect });

  const [weight, size] = checkLimits(measuredMass, dims, context.limits);
  if (weight.status === 'fail') add({ code: 'OVERWEIGHT', measured: weight.measured, limit: weight.max }, 'RETURN');
  if (size.status === 'fail' && size.measured !== null && dims !== null) {
    add({ code: 'OVERSIZE', rule: size.rule, measured: size.measured, limit: size.max, dims: { length: dims.length, width: dims.width, height: dims.height } }, 'RETURN');
  }
  if (damaged) add({ code: 'DAMAGED_PACKAGING' }, 'RETURN');

  if (manifest === null) {
    add({ code: 'NO_PREALERT' }, 'HOLD');
  } else {
    const destination = manifest.destination;
    if (context.rateCard === null) add({ code: 'DESTINATION_NOT_SERVED', destination }, 'RETURN');
    const screen = screenItems(manifest.items, destination, context.prohibitedRules);
    for (const hit of screen.hits) add(hitDetail(hit, destination), effectOfHit(hit));
    for (const p of screen.declarationProblems) {
      add({ code: 'DECLARATION_INVALID', item: p.item, description: p.description, problem: p.problem, found: p.found }, 'HOLD');
    }
    const id = idReason(destination, manifest.consigneeIdStatus);
    if (id) add(id, 'HOLD');
    const duties = dutiesReason(destination, manifest.dutiesStatus);
    if (duties) add(duties, 'HOLD');
    const tol = context.weightTolerance;
    if (isWeightMismatch(measuredMass, manifest.declaredMass, tol)) {
      add(
        { code: 'WEIGHT_MISMATCH', measured: measuredMass, declared: manifest.declaredMass, tolerancePercent: tol.percent, toleranceFloor: massOf(tol.floor.value, tol.floor.unit) },
        'FLAG',
      );
    }
  }

  const decision = decisionOf(found);
  let reprice: Reprice | null = null;
  if (manifest !== null && context.rateCard !== null && decision !== 'RETURN') {
    const outcome = repriceParcel(manifest, measuredMass, dims, context.rateCard, context.at);
    if (outcome.ok) reprice = outcome.reprice;
    else add({ code: 'PRICE_UNAVAILABLE', problem: outcome.problem, explanation: outcome.explanation }, 'FLAG');
  }
  // Strongest effect first; the order within an effect is the order the rules ran in. Messages are worded once the
  // decision is known, so a reason never gives an instruction the decision overrides.
  const reasons: VerdictReason[] = found
    .map((f, i) => ({ f, i }))
    .sort((a, b) => EFFECT_RANK[a.f.effect] - EFFECT_RANK[b.f.effect] || a.i - b.i)
    .map(({ f }) => ({ code: f.detail.code, effect: f.effect, message: reasonText(f.detail, units, { effect: f.effect, decision }), detail: f.detail }));
  return { decision, reasons, reprice };
}

export function decisionOf(reasons: readonly Pick<VerdictReason, 'effect'>[]): Decision {
  if (reasons.some((r) => r.effect === 'RETURN')) return 'RETURN';
  if (reasons.some((r) => r.effect === 'HOLD')) return 'HOLD';
  return 'ACCEPT';
}
