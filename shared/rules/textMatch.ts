/**
 * Keyword matching for item descriptions, language-aware:
 *   - text is NFKC-normalised (full-width "ＢＡＴＴＥＲＹ" → "battery") and lower-cased;
 *   - Latin-script keywords match whole words only ("gun" matches "Toy gun" but not "gunmetal"), the last word
 *     plural-tolerant ("battery" ↔ "batteries", "knife" ↔ "knives", "fireworks" ↔ "firework"); a hyphen or space
 *     between words does not matter, and a hyphenated keyword also matches written solid ("e-cigarette", "ecigarette");
 *   - keywords in scripts written without spaces between words (Chinese, Japanese, Thai) and in Korean (whose nouns
 *     take attached particles) match as substrings ("电池" in "锂电池充电宝").
 */

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function tokenize(text: string): string[] {
  return normaliseText(text).split(WORD_SPLIT).filter((t) => t.length > 0);
}

/** Singular and plural forms of one English word (over-generation is harmless: the forms are only compared). */
export function wordForms(word: string): Set<string> {
  const forms = new Set<string>([word]);
  if (!/^[a-z]+$/.test(word)) return forms;
  forms.add(`${word}s`);
  forms.add(`${word}es`);
  if (/[^aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  if (word.endsWith('fe')) forms.add(`${word.slice(0, -2)}ves`);
  else if (word.endsWith('f')) forms.add(`${word.slice(0, -1)}ves`);
  // The keyword may itself be plural ("fireworks", "gifts"): accept the singular too.
  if (word.endsWith('ies') && word.length > 4) forms.add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ves') && word.length > 4) {
    forms.add(`${word.slice(0, -3)}f`);
    forms.add(`${word.slice(0, -3)}fe`);
  }
  if (word.endsWith('es') && word.length > 3) forms.add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) forms.add(word.slice(0, -1));
  return forms;
}

export type CompiledKeyword =
  | { readonly kind: 'words'; readonly keyword: string; readonly words: readonly string[]; readonly lastForms: ReadonlySet<string> }
  | { readonly kind: 'substring'; readonly keyword: string; readonly text: string };

export function compileKeyword(keyword: string): CompiledKeyword[] {
  const norm = normaliseText(keyword).trim();
  if (UNSPACED.test(norm)) return [{ kind: 'substring', keyword, text: norm.replace(/\s+/g, '') }];
  const words = tokenize(norm);
  if (words.length === 0) return [];
  const out: CompiledKeyword[] = [{ kind: 'words', keyword, words, lastForms: wordForms(words[words.length - 1] ?? '') }];
  if (/[-‐‑]/.test(norm) && words.length > 1) {
    const solid = words.join('');
    out.push({ kind: 'words', keyword, words: [solid], lastForms: wordForms(solid) });
  }
  return out;
}

/** A description prepared once for many keywords. */
export interface PreparedText {
  readonly tokens: readonly string[];
  /** Normalised text with all whitespace removed, for substring keywords. */
  readonly compact: string;
}

export function prepareText(text: string): PreparedText {
  const norm = normaliseText(text);
  return { tokens: norm.split(WORD_SPLIT).filter((t) => t.length > 0), compact: norm.replace(/\s+/g, '') };
}

/** Token positions [start, end) where the keyword occurs, or [] if it does not. */
export function findKeyword(text: PreparedText, kw: CompiledKeyword): Array<[number, number]> {
  if (kw.kind === 'substring') return text.compact.includes(kw.text) ? [[-1, -1]] : [];
  const found: Array<[number, number]> = [];
  const n = kw.words.length;
  const t = text.tokens;
  for (let i = 0; i + n <= t.length; i++) {
    let ok = true;
    for (let j = 0; j < n - 1; j++) {
      if (t[i + j] !== kw.words[j]) {
        ok = false;
        break;
      }
    }
    if (ok && kw.lastForms.has(t[i + n - 1] ?? '')) found.push([i, i + n]);
  }
  return found;
}

const SCRIPT_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Japanese'],
  [/\p{Script=Han}/u, 'Chinese characters'],
  [/\p{Script=Hangul}/u, 'Korean'],
  [/\p{Script=Thai}/u, 'Thai'],
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Devanagari}/u, 'Devanagari'],
];

/**
 * The writing systems other than Latin in a text, by name (empty for English/Latin text). ECMS requires English
 * declarations, so any of these makes the declaration invalid (../shared/reference/domain.md §1.1).
 */
export function nonLatinScripts(text: string): string[] {
  const norm = text.normalize('NFKC');
  if (!/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(norm)) return [];
  let names = SCRIPT_NAMES.filter(([re]) => re.test(norm)).map(([, name]) => name);
  // Japanese mixes kanji with kana: call it Japanese, not Chinese.
  if (names.includes('Japanese')) names = names.filter((n) => n !== 'Chinese characters');
  return names.length > 0 ? names : ['a non-Latin script'];
}
