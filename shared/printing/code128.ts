/**
 * Code 128 planning: which code set (B for text, C for digit pairs) encodes each part of a barcode's data with the
 * fewest symbols, and the ZPL ^FD text that tells the printer exactly that (^BC mode N with invocation codes:
 * ">:" start B, ">;" start C, ">5" switch to C, ">6" switch to B, "><" a literal ">").
 *
 * Planning it here instead of leaving it to ^BC's automatic mode means the width of the printed symbol is known
 * before printing, so the layout can pick a module width that fits the label (and tests can check it). bwip-js
 * (PDF and HTML) optimises the same way, so both renderers draw the same number of modules.
 *
 * Data is limited to printable ASCII without "^" and "~" (ZPL command prefixes); tracking numbers and waybills
 * are [A-Z0-9].
 */

export type CodeSet = 'B' | 'C';

export interface Code128Segment {
  readonly set: CodeSet;
  readonly text: string;
}

export interface Code128Plan {
  readonly segments: readonly Code128Segment[];
  /** Symbols including the start symbol and code-set switches, excluding the check symbol and stop. */
  readonly symbols: number;
  /** Width of the symbol in modules, without quiet zones: 11 per symbol (incl. check) + 13 for the stop. */
  readonly modules: number;
}

export const CODE128_QUIET_ZONE_MODULES = 10;

export function code128DataProblem(data: string): string | null {
  if (data.length === 0) return 'the barcode text is empty';
  if (data.length > 80) return `the barcode text is too long (${data.length} characters; 80 at most)`;
  for (const ch of data) {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c < 32 || c > 126 || ch === '^' || ch === '~') {
      return `the barcode text contains ${JSON.stringify(ch)}, which a Code 128 label cannot carry here`;
    }
  }
  return null;
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Fewest-symbol plan (dynamic programming over position × code set). Call code128DataProblem first. */
export function planCode128(data: string): Code128Plan {
  const n = data.length;
  const INF = Number.POSITIVE_INFINITY;
  // best[i][s]: fewest symbols to encode data[i..] when currently in set s (0 = B, 1 = C).
  const best: Array<[number, number]> = Array.from({ length: n + 1 }, () => [INF, INF]);
  best[n] = [0, 0];
  const pairAt = (i: number) => i + 1 < n && isDigit(data, i) && isDigit(data, i + 1);
  for (let i = n - 1; i >= 0; i--) {
    const next = best[i + 1] as [number, number];
    const next2 = (best[i + 2] ?? [INF, INF]) as [number, number];
    const stayB = 1 + next[0];
    const stayC = pairAt(i) ? 1 + next2[1] : INF;
    // A switch costs one symbol and never happens twice in a row.
    best[i] = [Math.min(stayB, 1 + stayC), Math.min(stayC, 1 + stayB)];
  }
  const first = best[0] as [number, number];
  let set: CodeSet = first[1] < first[0] ? 'C' : 'B';
  const segments: Code128Segment[] = [];
  let current = '';
  let i = 0;
  while (i < n) {
    const here = best[i] as [number, number];
    const next = best[i + 1] as [number, number];
    const next2 = (best[i + 2] ?? [INF, INF]) as [number, number];
    if (set === 'B') {
      if (here[0] === 1 + next[0]) {
        current += data[i];
        i += 1;
        continue;
      }
    } else if (pairAt(i) && here[1] === 1 + next2[1]) {
      current += data.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (current.length > 0) segments.push({ set, text: current });
    current = '';
    set = set === 'B' ? 'C' : 'B';
  }
  if (current.length > 0 || segments.length === 0) segments.push({ set, text: current });
  const symbols = 1 + Math.min(first[0], first[1]);
  return { segments, symbols, modules: 11 * (symbols + 1) + 13 };
}

/** The ^FD text for ^BC…,N: explicit start code and switches, so the printer encodes exactly the plan. */
export function zplCode128Data(plan: Code128Plan): string {
  return plan.segments
    .map((seg, index) => {
      const code = index === 0 ? (seg.set === 'B' ? '>:' : '>;') : seg.set === 'B' ? '>6' : '>5';
      return code + (seg.set === 'B' ? seg.text.replaceAll('>', '><') : seg.text);
    })
    .join('');
}

/** Reads ^BC mode-N field data back to the text it encodes (the inverse of zplCode128Data; used by tests). */
export function decodeZplCode128Data(field: string): string {
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const ch = field[i];
    if (ch !== '>') {
      out += ch;
      continue;
    }
    const code = field[++i];
    if (code === '<') out += '>';
    else if (code === undefined || !':;56'.includes(code)) throw new Error(`unexpected invocation >${code ?? ''}`);
  }
  return out;
}
