/**
 * Fits a field into a box on the label without the font at hand: wraps it into lines and shrinks it, from the
 * largest size down to the smallest allowed, until every line fits the width and the lines fit the height. No
 * fit is null: the caller prints "see manifest" and reports the field (never a line cut off unseen).
 *
 * Widths are estimated: ideographs, kana, hangul and full-width forms are exactly 1 em in Noto Sans CJK; any other
 * character is taken at a little above its widest average (textFit.ts). The renderers still scale a line down if
 * the font's real advances are wider than the estimate, so a line can never run past its box.
 * Lines break at spaces, and between any two wide characters (CJK text has no spaces); a run of Latin letters or
 * digits ("88号" keeps "88") is never split unless it is wider than a line on its own.
 */

/** Line pitch as a multiple of the size. */
export const LINE_PITCH = 1.2;
const NARROW_EM = { regular: 0.56, bold: 0.62 } as const;
const SIZE_STEP = 0.5;

export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x11ff) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3040 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa960 && codePoint <= 0xa97f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Estimated width of `text` in em. */
export function widthEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : bold ? NARROW_EM.bold : NARROW_EM.regular;
  return em;
}

/** Pieces a line may break between: each wide character alone, each run of other non-space characters, spaces. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === ' ' || isWide(cp)) {
      if (run.length > 0) out.push(run);
      run = '';
      out.push(ch);
    } else run += ch;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Greedy wrap at `size`; null when a piece is wider than the line or more than `maxLines` lines are needed. */
export function wrapToWidth(text: string, width: number, size: number, bold: boolean, maxLines: number): string[] | null {
  const fits = (s: string): boolean => widthEm(s, bold) * size <= width + 1e-9;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text.replace(/\s+/g, ' ').trim())) {
    const candidate = line + piece;
    if (fits(candidate.trimEnd())) {
      line = candidate;
      continue;
    }
    if (piece === ' ') continue;
    if (!fits(piece)) return null;
    lines.push(line.trimEnd());
    line = piece;
    if (lines.length >= maxLines) return null;
  }
  if (line.trim().length > 0) lines.push(line.trimEnd());
  return lines.length <= maxLines ? lines : null;
}

export interface FittedText {
  readonly size: number;
  readonly lines: readonly string[];
}

/** The largest size from `maxSize` down to `minSize` at which `text` fits the box, wrapped; null when none does. */
export function fitText(text: string, box: { readonly width: number; readonly height: number }, maxSize: number, minSize: number, bold: boolean): FittedText | null {
  for (let size = maxSize; size >= minSize - 1e-9; size -= SIZE_STEP) {
    const maxLines = Math.floor((box.height + 1e-9) / (size * LINE_PITCH)) || (size <= box.height ? 1 : 0);
    if (maxLines === 0) continue;
    const lines = wrapToWidth(text, box.width, size, bold, maxLines);
    if (lines !== null && lines.length > 0) return { size, lines };
  }
  return null;
}
