/**
 * The Noto Sans CJK fonts the app ships (the @fontsource/noto-sans-sc/-tc/-jp/-kr packages, a dependency of the
 * app: each script's file holds its common ideographs, kana or hangul plus Latin letters and digits), regular and
 * bold, read once, unpacked from WOFF (woffToSfnt.ts) and kept. A font file that is missing or unreadable is an error, never a silent fallback.
 */
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NativeScript } from '../../../shared/manifest/nativeScript.ts';
import { woffToSfnt } from './woffToSfnt.ts';

const PACKAGES: Readonly<Record<NativeScript, { readonly pkg: string; readonly subset: string }>> = {
  'zh-Hans': { pkg: 'noto-sans-sc', subset: 'chinese-simplified' },
  'zh-Hant': { pkg: 'noto-sans-tc', subset: 'chinese-traditional' },
  ja: { pkg: 'noto-sans-jp', subset: 'japanese' },
  ko: { pkg: 'noto-sans-kr', subset: 'korean' },
};

export interface CjkFont {
  readonly file: string;
  /** The font as plain OpenType (unpacked from the shipped WOFF). */
  readonly bytes: Uint8Array;
  readonly font: Font;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, CjkFont>();
let reads = 0;

/** Every script and weight a label can use (warmCjkFonts.ts loads them all ahead of the first label). */
export const CJK_FONT_KEYS: ReadonlyArray<{ readonly script: NativeScript; readonly bold: boolean }> = (Object.keys(PACKAGES) as NativeScript[]).flatMap(
  (script) => [{ script, bold: false }, { script, bold: true }],
);

/** How many font files were read and parsed (not served from memory) since start: for tests and benchmarks. */
export function cjkFontReads(): number {
  return reads;
}

export function cjkFontFile(script: NativeScript, bold: boolean): string {
  const { pkg, subset } = PACKAGES[script];
  const dir = path.dirname(require.resolve(`@fontsource/${pkg}/package.json`));
  return path.join(dir, 'files', `${pkg}-${subset}-${bold ? 700 : 400}-normal.woff`);
}

/** The font for a script and weight (throws when its file cannot be read: the app is incomplete). */
export function cjkFont(script: NativeScript, bold: boolean): CjkFont {
  const key = `${script}/${bold ? 'bold' : 'regular'}`;
  const cached = loaded.get(key);
  if (cached !== undefined) return cached;
  const file = cjkFontFile(script, bold);
  const bytes = woffToSfnt(new Uint8Array(readFileSync(file)));
  const font = { file, bytes, font: fontkit.create(bytes) };
  reads += 1;
  loaded.set(key, font);
  return font;
}
