/**
 * Verdict reasons in words a warehouse worker understands: what is wrong, the numbers, and what to do with the
 * parcel. Pure; the UI renders the result. Masses and lengths are shown in the station's display units.
 */
import { DESTINATION_NAMES, type Destination } from '../manifest/destinations.ts';
import type { LengthUnit } from '../units/length.ts';
import type { MassUnit } from '../units/mass.ts';
import { decisionText, type Decision, type Verdict, type VerdictReason } from './verdict.ts';
import type { ReasonDetail } from './reasonDetail.ts';
import { lengthFixed, massFixed } from './quantityText.ts';
import type { SizeRule } from './limits.ts';

export interface DisplayUnits {
  readonly massUnit: Extract<MassUnit, 'lb' | 'kg'>;
  readonly lengthUnit: LengthUnit;
}

export const DEFAULT_DISPLAY_UNITS: DisplayUnits = { massUnit: 'lb', lengthUnit: 'in' };

const SIZE_RULE_WORDS: Readonly<Record<SizeRule, string>> = {
  longest_side: 'the longest side',
  three_side_sum: 'length + width + height',
  length_plus_girth: 'length + girth (longest side + 2 × the other two)',
};

function place(destination: Destination): string {
  return DESTINATION_NAMES[destination];
}

/** A description shortened for one line, in quotes. */
function quoted(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > 60 ? `${clean.slice(0, 57)}…` : clean}"`;
}

function item(d: { item: number; description: string; quantity: number }): string {
  return `item ${d.item}, ${quoted(d.description)}${d.quantity > 1 ? ` × ${d.quantity}` : ''},`;
}

function matched(d: { matched: string; via: 'keyword' | 'hsCode' }): string {
  return d.via === 'hsCode' ? `matched HS code ${d.matched}` : `matched "${d.matched}"`;
}

/** What a reason says is wrong, and what to do about it, separately. */
export interface ReasonWords {
  readonly what: string;
  readonly action: string;
}

/** One reason split into what is wrong and what to do. */
export function reasonWords(detail: ReasonDetail, units: DisplayUnits = DEFAULT_DISPLAY_UNITS): ReasonWords {
  const mass = (q: number) => massFixed(q, units.massUnit, 2);
  const len = (nm: number) => lengthFixed(nm, units.lengthUnit, 1);
  const bare = (nm: number) => len(nm).replace(` ${units.lengthUnit}`, '');
  const RETURN = 'Return to sender.';
  switch (detail.code) {
    case 'OVERWEIGHT':
      return { what: `Too heavy: it weighs ${mass(detail.measured)}; the most ECMS accepts is ${mass(detail.limit)}.`, action: RETURN };
    case 'OVERSIZE': {
      const d = detail.dims;
      return {
        what: `Too big: ${SIZE_RULE_WORDS[detail.rule]} is ${len(detail.measured)}; the most ECMS accepts is ${len(detail.limit)} (box ${bare(d.length)} × ${bare(d.width)} × ${bare(d.height)} ${units.lengthUnit}).`,
        action: RETURN,
      };
    }
    case 'PROHIBITED':
      return { what: `Not allowed into ${place(detail.destination)}: ${item(detail)} is ${detail.category} (${matched(detail)}).`, action: RETURN };
    case 'RESTRICTED_DOCS':
      return {
        what:
          detail.quantityOver !== undefined
            ? `Over the personal-use limit for ${place(detail.destination)}: ${item(detail)} is ${detail.category}; at most ${detail.quantityOver} are allowed without documents.`
            : `Needs documents for ${place(detail.destination)}: ${item(detail)} is ${detail.category} (${matched(detail)}).`,
        action: 'Put it on the hold shelf until the documents arrive.',
      };
    case 'CONTENT_REVIEW':
      return { what: `Check the contents: ${item(detail)} may be ${detail.category} (${matched(detail)}).`, action: 'Ask a supervisor before it ships.' };
    case 'DECLARATION_INVALID':
      return detail.problem === 'non_english'
        ? {
            what: `Description not in English: item ${detail.item}, ${quoted(detail.description)}, is written in ${detail.found.join(' and ')}. ECMS needs English descriptions.`,
            action: 'Put it on the hold shelf until the shipper declares it again.',
          }
        : {
            what: `Description too vague: item ${detail.item}, ${quoted(detail.description)}. ECMS needs the exact item (for example "cotton T-shirt", not "clothes").`,
            action: 'Put it on the hold shelf until the shipper declares it again.',
          };
    case 'ID_MISSING':
      return {
        what: `No consignee ID yet: ${place(detail.destination)} customs need the receiver's ID.`,
        action: 'Put it on the hold shelf; it is released by itself when HQ receives the ID.',
      };
    case 'ID_INVALID':
      return {
        what: `Consignee ID rejected: the ID given for ${place(detail.destination)} is not valid.`,
        action: 'Put it on the hold shelf; it is released by itself when HQ receives a valid ID.',
      };
    case 'DUTIES_UNPAID':
      return {
        what: `Duties and taxes for ${place(detail.destination)} are not paid yet.`,
        action: 'Put it on the hold shelf; it is released by itself when HQ reports payment.',
      };
    case 'NO_PREALERT':
      return { what: 'No pre-alert: ECMS has no manifest for this parcel yet.', action: 'Put it on the hold shelf until HQ sends one.' };
    case 'DAMAGED_PACKAGING':
      return { what: 'Packaging damaged (reported at intake): not fit to fly.', action: RETURN };
    case 'DESTINATION_NOT_SERVED':
      return { what: `ECMS does not ship to ${place(detail.destination)} from this warehouse now (no rate card in force).`, action: RETURN };
    case 'WEIGHT_MISMATCH':
      return {
        what:
          `Weight check: it weighs ${mass(detail.measured)} but ${mass(detail.declared)} was declared ` +
          `(more than ${detail.tolerancePercent}% and more than ${mass(detail.toleranceFloor)} apart).`,
        action: 'Set it aside for inspection.',
      };
    case 'PRICE_UNAVAILABLE':
      return { what: `Price not worked out: ${detail.explanation}.`, action: 'Ask a supervisor to price it.' };
    case 'HOLD_EXPIRED':
      return { what: `On the hold shelf for ${detail.days} days; the limit is ${detail.limitDays}.`, action: RETURN };
  }
}

/**
 * Whether a reason's own instruction applies under the verdict's decision: a HOLD reason on a parcel that is
 * returned anyway must not say "put it on the hold shelf", and an inspection flag is moot for a return.
 */
export function actionApplies(effect: VerdictReason['effect'], decision: Decision): boolean {
  if (effect === 'FLAG') return decision !== 'RETURN';
  return effect === decision;
}

/** One reason in plain words; `decision` (when known) drops an instruction the decision overrides. */
export function reasonText(detail: ReasonDetail, units: DisplayUnits = DEFAULT_DISPLAY_UNITS, effectAndDecision?: { effect: VerdictReason['effect']; decision: Decision }): string {
  const w = reasonWords(detail, units);
  if (effectAndDecision && !actionApplies(effectAndDecision.effect, effectAndDecision.decision)) return w.what;
  return `${w.what} ${w.action}`;
}

/** Every line the station shows for a verdict: the decision, then each reason (re-worded when the detail is known). */
export function verdictLines(verdict: Verdict, units: DisplayUnits = DEFAULT_DISPLAY_UNITS): string[] {
  return [
    decisionText(verdict.decision),
    ...verdict.reasons.map((r) => (r.detail ? reasonText(r.detail, units, { effect: r.effect, decision: verdict.decision }) : r.message)),
  ];
}
