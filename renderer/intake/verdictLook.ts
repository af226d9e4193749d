/**
 * How a verdict looks on the bench card, pure: the look (its colour and sound), the big word, an icon and what to do.
 * An ACCEPT with an inspection flag (WEIGHT_MISMATCH, CONTENT_REVIEW) is "accept but set aside": it has its own look,
 * never the plain green "send on".
 */
import type { Decision, Verdict } from '../../shared/rules/verdict.ts';

export const VERDICT_LOOKS = ['accept', 'aside', 'hold', 'return'] as const;
export type VerdictLook = (typeof VERDICT_LOOKS)[number];

/** Reason codes that ask for an inspection without changing an ACCEPT (shared/rules/decideVerdict.ts: FLAG). */
const SET_ASIDE_CODES: ReadonlySet<string> = new Set(['WEIGHT_MISMATCH', 'CONTENT_REVIEW']);

export interface VerdictPresentation {
  readonly look: VerdictLook;
  readonly word: string;
  readonly icon: string;
  /** What the worker does with the parcel now. */
  readonly instruction: string;
}

const PRESENTATION: Readonly<Record<VerdictLook, Omit<VerdictPresentation, 'look'>>> = {
  accept: { word: 'ACCEPT', icon: '✔', instruction: 'Relabel and send on' },
  aside: { word: 'SET ASIDE', icon: '⚑', instruction: 'Accepted — relabel, then put it on the inspection table' },
  hold: { word: 'HOLD', icon: '‖', instruction: 'Put it on the hold shelf' },
  return: { word: 'RETURN', icon: '↩', instruction: 'Send it back to the sender' },
};

export function lookOf(verdict: Pick<Verdict, 'decision' | 'reasons'>): VerdictLook {
  const byDecision: Readonly<Record<Decision, VerdictLook>> = { ACCEPT: 'accept', HOLD: 'hold', RETURN: 'return' };
  const look = byDecision[verdict.decision];
  return look === 'accept' && verdict.reasons.some((r) => SET_ASIDE_CODES.has(r.code)) ? 'aside' : look;
}

export function presentVerdict(verdict: Pick<Verdict, 'decision' | 'reasons'>): VerdictPresentation {
  const look = lookOf(verdict);
  return { look, ...PRESENTATION[look] };
}
