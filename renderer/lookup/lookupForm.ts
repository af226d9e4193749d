/**
 * The lookup screen's forms as plain data: what the search box and filters ask the station, and what the
 * correction form sends, with the refusal in plain words when something is missing. Pure, so tested without a DOM.
 */
import type { CommandRequest } from '../../shared/contract/commands.ts';
import type { LookupCursor } from '../../shared/contract/lookup.ts';
import { DECISIONS, type Decision } from '../../shared/rules/verdict.ts';
import { REASON_CODES, type ReasonCode } from '../../shared/contract/lookupReasons.ts';

export const LOOKUP_PAGE_SIZE = 25;

export interface SearchForm {
  readonly text: string;
  readonly day: string;
  readonly decision: string;
  readonly reason: string;
  readonly operator: string;
}

export const EMPTY_SEARCH: SearchForm = { text: '', day: '', decision: '', reason: '', operator: '' };

const isDecision = (value: string): value is Decision => (DECISIONS as readonly string[]).includes(value);
const isReason = (value: string): value is ReasonCode => (REASON_CODES as readonly string[]).includes(value);

/** The search the form asks for: the text alone when there is text (a number or a name), else the filters. */
export function searchRequestOf(form: SearchForm, after: LookupCursor | null): CommandRequest<'lookup.search'> {
  const text = form.text.trim();
  const page = { limit: LOOKUP_PAGE_SIZE, ...(after ? { after } : {}) };
  if (text.length > 0) return { text, ...page };
  return {
    ...page,
    ...(form.day ? { day: form.day } : {}),
    ...(isDecision(form.decision) ? { decision: form.decision } : {}),
    ...(isReason(form.reason) ? { reason: form.reason } : {}),
    ...(form.operator.trim() ? { operator: form.operator.trim() } : {}),
  };
}

export interface CorrectionForm {
  readonly reason: string;
  readonly weight: string;
  readonly length: string;
  readonly width: string;
  readonly height: string;
  /** 'same': the damage flag stays as it is. */
  readonly damaged: 'same' | 'yes' | 'no';
}

export const EMPTY_CORRECTION: CorrectionForm = { reason: '', weight: '', length: '', width: '', height: '', damaged: 'same' };

export type CorrectionCheck = { ok: true; request: CommandRequest<'intake.correct'> } | { ok: false; message: string };

const NUMBER = /^\d{1,6}(\.\d{1,4})?$/;

export function correctionRequestOf(form: CorrectionForm, intakeId: string, units: { mass: 'lb' | 'kg'; length: 'in' | 'cm' }, commandId: string): CorrectionCheck {
  const reason = form.reason.trim();
  if (reason.length < 3) return { ok: false, message: 'Write why you correct this parcel (at least 3 characters).' };
  const weight = form.weight.trim();
  if (weight && !NUMBER.test(weight)) return { ok: false, message: `Type the weight as a number, such as 3.2 (${units.mass}).` };
  const sides = [form.length, form.width, form.height].map((s) => s.trim());
  const someSide = sides.some((s) => s.length > 0);
  if (someSide && !sides.every((s) => NUMBER.test(s))) return { ok: false, message: `Type all three sides as numbers, such as 12 (${units.length}).` };
  if (!weight && !someSide && form.damaged === 'same') return { ok: false, message: 'Change the weight, the size or the damage before saving the correction.' };
  return {
    ok: true,
    request: {
      commandId, intakeId, reason,
      ...(weight ? { weight: { value: weight, unit: units.mass } } : {}),
      ...(someSide ? { dims: { length: sides[0]!, width: sides[1]!, height: sides[2]!, unit: units.length } } : {}),
      ...(form.damaged === 'same' ? {} : { damaged: form.damaged === 'yes' }),
    },
  };
}

/** A reason code in words for a list ("ID_MISSING" → "ID missing"). */
export function reasonWords(code: string): string {
  const words = code.toLowerCase().split('_');
  return words.map((w, i) => (w === 'id' ? 'ID' : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}
