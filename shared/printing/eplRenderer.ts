/**
 * A label layout as EPL2 for the Zebra LP/TLP 2844 family (203 dpi thermal printers that predate ZPL), by the
 * EPL2 Programmer's Manual:
 *   N                      clear the image buffer
 *   q w / Q h,g            label width in dots; label length and the gap between labels (3 mm)
 *   A x,y,0,f,h,v,N|R,"…"  text in resident font f (1–5, monospaced) at multipliers h × v, R = white on black;
 *                          " and \ escaped with \
 *   LO x,y,w,h             a solid box or rule;  X x,y,t,x2,y2  a box outline t dots thick
 *   B x,y,0,1,n,n,h,N,"…"  Code 128 (printer selects subsets A/B/C), narrow bar n dots, height h, no text line
 *   GW x,y,b,l,DATA        a graphic, b bytes × l rows of raw binary, 1 = white, 0 = black: a line in a
 *                          consignee's own script (NativeTextArt), like ZPL's ^GF
 *   P1                     print one label
 * EPL2's resident fonts are Latin only and fixed-width: each line takes the largest font and multiplier whose
 * cell box fits its size and width; a character outside printable ASCII is printed as "?" and listed in `replaced`.
 */
import { fitBarcode } from './barcodeFit.ts';
import { planCode128 } from './code128.ts';
import type { LabelLayout, LayoutItem, TextItem } from './labelLayout.ts';
import { PT_PER_INCH } from './labelLayout.ts';
import type { NativeTextArt } from './nativeText.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';

export const EPL_DPI = 203;
const GAP_DOTS = 24;

/** Resident fonts at 203 dpi: character cell width (with its spacing) and height, dots. */
export const EPL_FONTS: Readonly<Record<1 | 2 | 3 | 4 | 5, { readonly cell: number; readonly height: number }>> = {
  1: { cell: 10, height: 12 },
  2: { cell: 12, height: 16 },
  3: { cell: 14, height: 20 },
  4: { cell: 16, height: 24 },
  5: { cell: 36, height: 48 },
};

export interface RenderedEpl {
  readonly bytes: Uint8Array;
  readonly replaced: readonly string[];
}

const dots = (pt: number): number => Math.round((pt * EPL_DPI) / PT_PER_INCH);

function eplText(text: string, replaced: Set<string>): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c > 0x7e) {
      replaced.add(ch);
      out += '?';
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return out;
}

/** The largest font × multiplier whose cells fit the line's height and width (null: not even font 1 fits). */
export function eplFontFor(chars: number, heightDots: number, widthDots: number): { font: 1 | 2 | 3 | 4 | 5; mult: number } | null {
  let best: { font: 1 | 2 | 3 | 4 | 5; mult: number; height: number } | null = null;
  for (const font of [1, 2, 3, 4, 5] as const) {
    for (let mult = 1; mult <= 6; mult++) {
      const { cell, height } = EPL_FONTS[font];
      if (height * mult > Math.max(heightDots, EPL_FONTS[1].height) || cell * mult * chars > widthDots) continue;
      if (best === null || height * mult > best.height) best = { font, mult, height: height * mult };
    }
  }
  return best === null ? null : { font: best.font, mult: best.mult };
}

function textLine(item: TextItem, replaced: Set<string>): PrintOutcome<string> {
  const data = eplText(item.text, replaced);
  const chars = Array.from(item.text).length;
  const width = dots(item.width);
  const font = eplFontFor(chars, dots(item.size), width);
  if (font === null) return printFail('DOCUMENT_UNAVAILABLE', `The line "${item.text}" is too long for the EPL2 printer's fonts.`);
  const used = EPL_FONTS[font.font].cell * font.mult * chars;
  const shift = item.align === 'left' ? 0 : item.align === 'center' ? Math.floor((width - used) / 2) : width - used;
  return printOk(`A${dots(item.x) + shift},${dots(item.y)},0,${font.font},${font.mult},${font.mult},${item.inverse === true ? 'R' : 'N'},"${data}"`);
}

function item(i: LayoutItem, art: NativeTextArt, replaced: Set<string>, parts: Array<string | Uint8Array>): PrintOutcome<null> {
  switch (i.kind) {
    case 'text': {
      if (i.script !== undefined) {
        const bitmap = art.bitmap(i.text, i.script, i.bold, (i.size * EPL_DPI) / PT_PER_INCH, dots(i.width));
        const shift = i.align === 'left' ? 0 : i.align === 'center' ? Math.floor((dots(i.width) - bitmap.width) / 2) : dots(i.width) - bitmap.width;
        // EPL2: 1 = white, 0 = black, the other way round from the bitmap (and from ZPL).
        const data = bitmap.bits.map((b) => (i.inverse === true ? b : ~b & 0xff));
        parts.push(`GW${dots(i.x) + shift},${dots(i.y)},${bitmap.rowBytes},${bitmap.height},`, data, '\r\n');
        return printOk(null);
      }
      const line = textLine(i, replaced);
      if (!line.ok) return line;
      parts.push(`${line.value}\r\n`);
      return printOk(null);
    }
    case 'box': {
      const w = Math.max(1, dots(i.width));
      const h = Math.max(1, dots(i.height));
      const t = Math.min(Math.max(1, dots(i.thickness)), w, h);
      parts.push(t * 2 >= Math.min(w, h) ? `LO${dots(i.x)},${dots(i.y)},${w},${h}\r\n` : `X${dots(i.x)},${dots(i.y)},${t},${dots(i.x) + w},${dots(i.y) + h}\r\n`);
      return printOk(null);
    }
    case 'barcode': {
      const fit = fitBarcode(planCode128(i.data).modules, i.width, EPL_DPI);
      if (fit === null) return printFail('BARCODE_INVALID', `The barcode "${i.data}" does not fit the label at ${EPL_DPI} dpi.`);
      parts.push(`B${dots(i.x) + fit.offsetDots},${dots(i.y)},0,1,${fit.moduleDots},${fit.moduleDots},${dots(i.height)},N,"${i.data.replace(/["\\]/g, (c) => `\\${c}`)}"\r\n`);
      return printOk(null);
    }
  }
}

export function renderEpl(layout: LabelLayout, art: NativeTextArt): PrintOutcome<RenderedEpl> {
  const replaced = new Set<string>();
  const parts: Array<string | Uint8Array> = ['\r\nN\r\n', `q${dots(layout.widthPt)}\r\n`, `Q${dots(layout.heightPt)},${GAP_DOTS}\r\n`];
  for (const i of layout.items) {
    const done = item(i, art, replaced, parts);
    if (!done.ok) return done;
  }
  parts.push('P1\r\n');
  // Every string part is printable ASCII by now (eplText), so each character is one byte.
  const encoded = parts.map((p) => (typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : p));
  const bytes = new Uint8Array(encoded.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of encoded) {
    bytes.set(p, at);
    at += p.length;
  }
  return printOk({ bytes, replaced: [...replaced] });
}
