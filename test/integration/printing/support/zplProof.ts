/**
 * Test helpers for checking rendered ZPL against the ZPL II Programming Guide (the "manual"):
 *   - the ^BC barcodes and ^GF graphic fields a label sends, read back from its ZPL;
 *   - a Code 128 symbol's width by the manual's rule, from the ^FD data alone: 11 modules per symbol (start code,
 *     each character in subset B, each digit pair in subset C, each >5/>6 switch, the check symbol) and 13 for stop;
 *   - the bars' extent on one pixel row and the white quiet zone each side (the manual: 10 modules);
 *   - the symbol drawn by the manual's rule (bwip-js's Code 128, the same code sets as the field data) into a copy
 *     of an image, where the renderer draws it differently.
 */
import bwipjs from 'bwip-js';
import type { GreyImage } from '../../../unit/printing/support/rasterise.ts';

export interface ZplBarcode {
  readonly x: number;
  readonly y: number;
  readonly moduleDots: number;
  readonly height: number;
  readonly field: string;
}

export interface ZplGraphic {
  readonly x: number;
  readonly y: number;
  readonly rowBytes: number;
  readonly height: number;
  readonly hex: string;
}

export function zplBarcodes(zpl: string): ZplBarcode[] {
  return [...zpl.matchAll(/\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD(.*?)\^FS/g)].map((m) => ({
    x: Number(m[1]), y: Number(m[2]), moduleDots: Number(m[3]), height: Number(m[4]), field: m[5] ?? '',
  }));
}

export function zplGraphics(zpl: string): ZplGraphic[] {
  return [...zpl.matchAll(/\^FO(\d+),(\d+)(?:\^FR)?\^GFA,(\d+),(\d+),(\d+),([0-9A-F]*)\^FS/g)].map((m) => ({
    x: Number(m[1]), y: Number(m[2]), rowBytes: Number(m[5]), height: Number(m[3]) / Number(m[5]), hex: m[6] ?? '',
  }));
}

export function zplLabelWidth(zpl: string): number {
  return Number(/\^PW(\d+)/.exec(zpl)?.[1] ?? Number.NaN);
}

/** Symbol width in modules by the manual's rule, from ^BC mode-N field data with explicit start and switches. */
export function manualModules(field: string): number {
  let symbols = 0;
  let set: 'B' | 'C' | null = null;
  let digits = 0;
  for (let i = 0; i < field.length; i++) {
    const ch = field[i];
    if (ch === '>') {
      const code = field[++i];
      if (code === ':' || code === '6') set = 'B';
      else if (code === ';' || code === '5') set = 'C';
      else if (code === '<') symbols++;
      if (code !== '<') symbols++;
      continue;
    }
    if (set === 'C') {
      digits++;
      if (digits % 2 === 0) symbols++;
    } else symbols++;
  }
  return 11 * (symbols + 1) + 13;
}

export function isDark(image: GreyImage, x: number, y: number): boolean {
  return (image.data[y * image.width + x] ?? 255) < 128;
}

/** Leftmost and rightmost dark pixel on row y between x = from and x = to (inclusive), or null. */
export function inkExtent(image: GreyImage, y: number, from = 0, to = image.width - 1): { left: number; right: number } | null {
  let left = -1;
  let right = -1;
  for (let x = Math.max(0, from); x <= Math.min(to, image.width - 1); x++) {
    if (isDark(image, x, y)) {
      if (left < 0) left = x;
      right = x;
    }
  }
  return left < 0 ? null : { left, right };
}

export interface QuietZones {
  readonly left: number;
  readonly right: number;
}

/** White dots each side of the bars on every row of the symbol, up to the label's edges (labelWidth dots). */
export function quietZones(image: GreyImage, bars: { left: number; right: number }, top: number, height: number, labelWidth: number): QuietZones {
  let left = bars.left;
  let right = labelWidth - 1 - bars.right;
  for (let y = top; y < top + height; y++) {
    for (let x = bars.left - 1; x >= 0 && bars.left - 1 - x < left; x--) if (isDark(image, x, y)) left = Math.min(left, bars.left - 1 - x);
    for (let x = bars.right + 1; x < labelWidth && x - bars.right - 1 < right; x++) if (isDark(image, x, y)) right = Math.min(right, x - bars.right - 1);
  }
  return { left, right };
}

/** A copy of `image` with the barcode's rows from `code.x` to the label's edge cleared and the symbol drawn by the manual. */
export function withManualSymbol(image: GreyImage, code: ZplBarcode, data: string, labelWidth: number): GreyImage {
  const raw = bwipjs.raw('code128', data, {});
  const first = raw[0];
  if (first === undefined || !('sbs' in first)) throw new Error('bwip-js returned no bars');
  const out = new Uint8ClampedArray(image.data);
  for (let y = code.y; y < code.y + code.height && y < image.height; y++) {
    for (let x = code.x; x < Math.min(labelWidth, image.width); x++) out[y * image.width + x] = 255;
    let at = code.x;
    first.sbs.forEach((w, i) => {
      const dots = w * code.moduleDots;
      if (i % 2 === 0) for (let x = at; x < at + dots && x < image.width; x++) out[y * image.width + x] = 0;
      at += dots;
    });
  }
  return { width: image.width, height: image.height, data: out };
}

export function sumModules(data: string): number {
  const first = bwipjs.raw('code128', data, {})[0];
  if (first === undefined || !('sbs' in first)) throw new Error('bwip-js returned no bars');
  return first.sbs.reduce((a, b) => a + b, 0);
}
