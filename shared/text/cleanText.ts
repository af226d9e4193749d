/**
 * The one text normaliser for every trust boundary (contract schemas, serial scanner, HQ ingest, imported files).
 * It finds the characters that must never be stored or forwarded:
 *   control    C0 controls (NUL included), DEL and C1 controls; a scan may keep GS and RS (GS1 / ISO 15434
 *              separators) and multi-line text may keep tab and line breaks
 *   surrogate  a lone UTF-16 surrogate (not a character at all: PostgreSQL and most tools refuse it)
 *   bidi       bidirectional overrides, embeddings, isolates and marks (they make text read differently from
 *              what it holds)
 *   invisible  zero-width and other invisible format characters, BOM, noncharacters U+FFFE / U+FFFF
 * Worker-typed text is refused with a plain message (findTextProblem); a device's scan is stripped (stripUnsafeText),
 * because a worker cannot retype what a scanner sent. Pure: no Node, DOM or Electron.
 */

export const TEXT_PROBLEMS = ['control', 'surrogate', 'bidi', 'invisible'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

export interface TextPolicy {
  /** Keep GS (U+001D) and RS (U+001E): a scan's GS1 and ISO 15434 separators. */
  readonly keepScanSeparators?: boolean;
  /** Keep tab, LF and CR: a multi-line note. */
  readonly keepLineBreaks?: boolean;
}

export interface FoundTextProblem {
  readonly problem: TextProblem;
  /** UTF-16 index of the first offending unit. */
  readonly index: number;
  /** The offending code unit, e.g. "U+0000". */
  readonly codePoint: string;
}

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const INVISIBLE = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0xfffe, 0xffff]);

function isKeptControl(unit: number, policy: TextPolicy): boolean {
  if (policy.keepScanSeparators === true && (unit === 0x1d || unit === 0x1e)) return true;
  if (policy.keepLineBreaks === true && (unit === 0x09 || unit === 0x0a || unit === 0x0d)) return true;
  return false;
}

/** What is wrong with the UTF-16 unit at `i` (a pair counts as one character), or null; `width` is 2 for a pair. */
function classify(text: string, i: number, policy: TextPolicy): { problem: TextProblem | null; width: number } {
  const unit = text.charCodeAt(i);
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return { problem: isKeptControl(unit, policy) ? null : 'control', width: 1 };
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? { problem: null, width: 2 } : { problem: 'surrogate', width: 1 };
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) return { problem: 'surrogate', width: 1 };
  if (BIDI.has(unit)) return { problem: 'bidi', width: 1 };
  if (INVISIBLE.has(unit)) return { problem: 'invisible', width: 1 };
  return { problem: null, width: 1 };
}

function hex(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every UTF-16 unit `classify` may report, and a few more (kept controls, surrogate pairs): text without any of them
 * is clean, and the exact per-character check runs only on text holding one. A speed-up only (HQ checks every string
 * of every pushed event); the answers are classify's. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const MAYBE_PROBLEM = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ud800-\udfff\ufeff\ufffe\uffff]/;

/** The first character that must not be stored, or null when the text is clean. */
export function findTextProblem(text: string, policy: TextPolicy = {}): FoundTextProblem | null {
  if (!MAYBE_PROBLEM.test(text)) return null;
  for (let i = 0; i < text.length; ) {
    const c = classify(text, i, policy);
    if (c.problem !== null) return { problem: c.problem, index: i, codePoint: hex(text.charCodeAt(i)) };
    i += c.width;
  }
  return null;
}

/** The text without any character findTextProblem would report (everything else unchanged, in order). */
export function stripUnsafeText(text: string, policy: TextPolicy = {}): string {
  if (!MAYBE_PROBLEM.test(text)) return text;
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = classify(text, i, policy);
    if (c.problem !== null) {
      out += text.slice(start, i);
      start = i + 1;
    }
    i += c.width;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Plain words for a worker: what is wrong and what to do next. */
export function describeTextProblem(found: Pick<FoundTextProblem, 'problem'>): string {
  switch (found.problem) {
    case 'control':
      return 'This text holds a hidden control character. Type it again by hand, without pasting.';
    case 'surrogate':
      return 'This text holds a broken character. Type it again by hand, without pasting.';
    case 'bidi':
      return 'This text holds a hidden direction mark that changes how it reads. Type it again by hand, without pasting.';
    case 'invisible':
      return 'This text holds an invisible character. Type it again by hand, without pasting.';
  }
}
