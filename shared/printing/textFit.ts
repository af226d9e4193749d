/**
 * Fits text into a width without measuring a real font (ZPL's font 0 and PDF's Helvetica differ): a conservative
 * average advance per character, so text that fits here fits in both. Long text is cut with "..." (plain dots:
 * every printer font has them) or wrapped into lines.
 */

/** Average advance of one character as a fraction of the font size; set a little above Helvetica's. */
const EM_PER_CHAR = { bold: 0.62, regular: 0.56 } as const;

export function maxChars(width: number, size: number, bold: boolean): number {
  return Math.max(4, Math.floor(width / (size * (bold ? EM_PER_CHAR.bold : EM_PER_CHAR.regular))));
}

export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, most: number): string {
  const chars = Array.from(text);
  return chars.length <= most ? text : `${chars.slice(0, most - 3).join('').trimEnd()}...`;
}

/** One line: the text, cut with "..." when it is too long. */
export function truncate(text: string, width: number, size: number, bold: boolean): string {
  return cut(clean(text), maxChars(width, size, bold));
}

/** Words into lines no wider than `width`; at most `maxLines`, the last ending in "..." when text was left out. */
export function wrap(text: string, width: number, size: number, bold: boolean, maxLines: number): string[] {
  const most = maxChars(width, size, bold);
  const lines: string[] = [];
  let line = '';
  for (const raw of clean(text).split(' ')) {
    if (raw.length === 0) continue;
    const word = cut(raw, most);
    const candidate = line.length === 0 ? word : `${line} ${word}`;
    if (Array.from(candidate).length <= most) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = Array.from(last).length + 4 <= most ? `${last} ...` : cut(`${last}....`, most);
  return kept;
}
