/**
 * GS1 element-string parsing (../shared/reference/barcodes.md §3.1–3.2), for the AIs that appear on parcel labels.
 * Two input forms:
 *  - element strings as transmitted by scanners/decoders: AIs and values with GS (0x1D) after variable-length values;
 *  - HRI text "(420)90210(92)612…" (zxing-wasm's default text mode, or the human-readable line of a label).
 * The parser checks AI, length and character set; check digits are judged by the recognisers, which report them.
 */
import type { Gs1Element } from './scanClassification.ts';

export const GS = '\u001d';

export const GS1_PARSE_ERRORS = ['EMPTY', 'UNKNOWN_AI', 'VALUE_TOO_SHORT', 'VALUE_TOO_LONG', 'BAD_CHARACTERS'] as const;
export type Gs1ParseError = (typeof GS1_PARSE_ERRORS)[number];

export type Gs1ParseResult =
  | { readonly ok: true; readonly elements: readonly Gs1Element[] }
  | { readonly ok: false; readonly error: Gs1ParseError; readonly ai?: string };

interface AiSpec {
  /** Exact value length, when the dictionary fixes it. */
  readonly fixed?: number;
  /** Maximum value length for variable-length AIs. */
  readonly max: number;
  readonly charset: 'N' | 'X';
  /** Predefined length: no FNC1/GS follows the value, the next AI starts immediately. */
  readonly predefined: boolean;
}

/** AI key length by its first two digits (GS1 TDT table K). */
const AI_LENGTH_BY_PREFIX: Readonly<Record<string, 2 | 3 | 4>> = {
  '00': 2, '01': 2, '02': 2, '03': 2, '10': 2, '11': 2, '12': 2, '13': 2, '15': 2, '16': 2, '17': 2,
  '20': 2, '21': 2, '22': 2, '24': 3, '25': 3, '30': 2, '31': 4, '32': 4, '33': 4, '34': 4, '35': 4, '36': 4,
  '37': 2, '40': 3, '41': 3, '42': 3, '43': 4, '90': 2, '91': 2, '92': 2, '93': 2, '94': 2, '95': 2, '96': 2,
  '97': 2, '98': 2, '99': 2,
};

const n = (fixed: number, predefined: boolean): AiSpec => ({ fixed, max: fixed, charset: 'N', predefined });
const x = (max: number): AiSpec => ({ max, charset: 'X', predefined: false });
const nVar = (max: number): AiSpec => ({ max, charset: 'N', predefined: false });

const AI_SPECS: Readonly<Record<string, AiSpec>> = {
  '00': n(18, true), '01': n(14, true), '02': n(14, true), '03': n(14, true),
  '10': x(20), '11': n(6, true), '12': n(6, true), '13': n(6, true), '15': n(6, true), '16': n(6, true),
  '17': n(6, true), '20': n(2, true), '21': x(20), '22': x(20),
  '240': x(30), '241': x(30), '250': x(30), '251': x(30),
  '30': nVar(8), '37': nVar(8),
  '400': x(30), '401': x(30), '402': n(17, false), '403': x(30),
  '410': n(13, true), '411': n(13, true), '412': n(13, true), '413': n(13, true), '414': n(13, true),
  '415': n(13, true), '416': n(13, true), '417': n(13, true),
  '420': x(20), '421': x(12), '4307': { fixed: 2, max: 2, charset: 'X', predefined: false },
  '90': x(30), '91': x(90), '92': x(90), '93': x(90), '94': x(90), '95': x(90), '96': x(90), '97': x(90),
  '98': x(90), '99': x(90),
};

/** Measurement AIs 31nn–36nn: 4-digit keys, six-digit values, predefined length. */
function specFor(ai: string): AiSpec | undefined {
  const known = AI_SPECS[ai];
  if (known) return known;
  if (ai.length === 4 && /^3[1-6]\d\d$/.test(ai)) return n(6, true);
  return undefined;
}

/** GS1 "AI encodable character set 82". */
const CSET82 = /^[!"%-?A-Z_a-z]*$/;
const DIGITS = /^\d*$/;

function checkValue(ai: string, spec: AiSpec, value: string): Gs1ParseError | undefined {
  if (value.length === 0 || (spec.fixed !== undefined && value.length < spec.fixed)) return 'VALUE_TOO_SHORT';
  if (value.length > spec.max) return 'VALUE_TOO_LONG';
  if (!(spec.charset === 'N' ? DIGITS : CSET82).test(value)) return 'BAD_CHARACTERS';
  if (ai === '421' && !/^\d{3}/.test(value)) return 'BAD_CHARACTERS';
  return undefined;
}

function readAi(text: string, at: number): { ai: string; spec: AiSpec } | undefined {
  const len = AI_LENGTH_BY_PREFIX[text.slice(at, at + 2)];
  if (len === undefined || at + len > text.length) return undefined;
  const ai = text.slice(at, at + len);
  if (!/^\d+$/.test(ai)) return undefined;
  const spec = specFor(ai);
  return spec ? { ai, spec } : undefined;
}

/** Parses GS-separated element strings (no AIM prefix, no leading FNC1/GS). */
export function parseGs1ElementStrings(data: string): Gs1ParseResult {
  if (data.length === 0) return { ok: false, error: 'EMPTY' };
  const elements: Gs1Element[] = [];
  for (const chunk of data.split(GS)) {
    let at = 0;
    if (chunk.length === 0) continue;
    while (at < chunk.length) {
      const head = readAi(chunk, at);
      if (!head) return { ok: false, error: 'UNKNOWN_AI', ai: chunk.slice(at, at + 4) };
      at += head.ai.length;
      const end = head.spec.predefined ? at + (head.spec.fixed ?? 0) : chunk.length;
      const value = chunk.slice(at, end);
      const error = checkValue(head.ai, head.spec, value);
      if (error) return { ok: false, error, ai: head.ai };
      elements.push({ ai: head.ai, value });
      at = end;
    }
  }
  if (elements.length === 0) return { ok: false, error: 'EMPTY' };
  return { ok: true, elements };
}

const HRI_ELEMENT = /\((\d{2,4})\)([^()]*)/g;

/** True when the text looks like GS1 HRI, "(AI)value(AI)value…". */
export function looksLikeGs1Hri(text: string): boolean {
  return /^(\(\d{2,4}\)[^()]+)+$/.test(text);
}

/** Parses HRI text "(420)90210(92)612…". */
export function parseGs1Hri(text: string): Gs1ParseResult {
  if (!looksLikeGs1Hri(text)) return { ok: false, error: text.length === 0 ? 'EMPTY' : 'UNKNOWN_AI' };
  const elements: Gs1Element[] = [];
  for (const m of text.matchAll(HRI_ELEMENT)) {
    const ai = m[1] ?? '';
    const value = m[2] ?? '';
    const spec = specFor(ai);
    if (!spec) return { ok: false, error: 'UNKNOWN_AI', ai };
    const error = checkValue(ai, spec, value);
    if (error) return { ok: false, error, ai };
    if (spec.fixed !== undefined && value.length !== spec.fixed) return { ok: false, error: 'VALUE_TOO_LONG', ai };
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}
