/**
 * The NativeTextArt port (shared/printing/nativeText.ts) over the shipped Noto Sans CJK fonts: a line of a
 * consignee's own script as a 1-bit bitmap for ZPL ^GF fields, or as SVG outlines for the HTML page. Bitmaps are
 * cached per text, script, weight, size and width (a reprint or the next label to the same consignee costs nothing).
 */
import type { NativeScript } from '../../../shared/manifest/nativeScript.ts';
import { NATIVE_BASELINE_EM, type MonoBitmap, type NativeOutline, type NativeTextArt } from '../../../shared/printing/nativeText.ts';
import { cjkFont } from './cjkFonts.ts';
import { placeLine, polygons, svgPathData } from './glyphOutline.ts';
import { fillPolygons } from './scanlineFill.ts';

const CACHE_LIMIT = 500;
const bitmaps = new Map<string, MonoBitmap>();

let drawn = 0;

/** How many bitmaps were drawn (not served from the cache) since start: for tests and benchmarks. */
export function bitmapsDrawn(): number {
  return drawn;
}

export function drawLineBitmap(text: string, script: NativeScript, bold: boolean, sizeDots: number, maxWidthDots: number): MonoBitmap {
  const key = `${script}\u0000${bold ? 1 : 0}\u0000${sizeDots}\u0000${maxWidthDots}\u0000${text}`;
  const cached = bitmaps.get(key);
  if (cached !== undefined) {
    bitmaps.delete(key);
    bitmaps.set(key, cached);
    return cached;
  }
  const line = placeLine(cjkFont(script, bold).font, text, sizeDots, maxWidthDots);
  // The line's em box, top at 0 and 1 em (of the size after any shrinking) high: Noto Sans CJK draws ideographs,
  // kana, hangul and Latin descenders inside it.
  const height = Math.ceil(line.baseline / NATIVE_BASELINE_EM);
  const bitmap = fillPolygons(polygons(line), Math.min(maxWidthDots, Math.ceil(line.width)), height);
  drawn += 1;
  bitmaps.set(key, bitmap);
  if (bitmaps.size > CACHE_LIMIT) {
    const oldest = bitmaps.keys().next().value;
    if (oldest !== undefined) bitmaps.delete(oldest);
  }
  return bitmap;
}

export function lineOutline(text: string, script: NativeScript, bold: boolean, sizePt: number, maxWidthPt: number): NativeOutline {
  const line = placeLine(cjkFont(script, bold).font, text, sizePt, maxWidthPt);
  return { d: svgPathData(line), width: line.width };
}

export const nativeTextArt: NativeTextArt = { bitmap: drawLineBitmap, outline: lineOutline };
