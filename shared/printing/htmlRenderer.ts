/**
 * A label layout as one self-contained HTML page of exactly 4×6 in (@page size, no margins): an inline SVG with
 * text, boxes and the Code 128 symbols (SVG drawn by bwip-js on the Node side and passed in). Lines in a
 * consignee's own script are drawn as outlines of the app's Noto Sans CJK font (NativeTextArt, made on the Node
 * side from the font files shipped with the app), so the page needs no font and prints the same glyphs as ZPL and
 * PDF; the text itself stays in the page as the outline's title. This is what
 * Electron's silent print and the browser's print dialog print: both print web pages. No scripts, no external
 * resources, so it can be shown in a sandboxed window or an iframe under a strict Content-Security-Policy.
 */
import { VECTOR_BARCODE_DPI, fitBarcode } from './barcodeFit.ts';
import { planCode128 } from './code128.ts';
import type { LabelLayout, LayoutItem } from './labelLayout.ts';
import { PT_PER_INCH } from './labelLayout.ts';
import type { NativeTextArt } from './nativeText.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';

/** A barcode drawn as SVG (`<svg viewBox="0 0 W H" …>…</svg>`, one unit per module across). */
export type BarcodeSvgSource = (data: string) => string;

/** Baseline of a line of text, from its top, as a fraction of the font size (Helvetica's ascent is ~0.72). */
export const BASELINE_EM = 0.78;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number): string => String(Math.round(v * 1000) / 1000);

function textItem(item: Extract<LayoutItem, { kind: 'text' }>): string {
  const anchor = item.align === 'left' ? 'start' : item.align === 'center' ? 'middle' : 'end';
  const x = item.align === 'left' ? item.x : item.align === 'center' ? item.x + item.width / 2 : item.x + item.width;
  return `<text x="${n(x)}" y="${n(item.y + item.size * BASELINE_EM)}" font-size="${n(item.size)}" font-weight="${item.bold ? 'bold' : 'normal'}" text-anchor="${anchor}" fill="${item.inverse === true ? '#fff' : '#000'}">${escapeXml(item.text)}</text>`;
}

function nativeItem(item: Extract<LayoutItem, { kind: 'text' }>, script: NonNullable<Extract<LayoutItem, { kind: 'text' }>['script']>, art: NativeTextArt): string {
  const outline = art.outline(item.text, script, item.bold, item.size, item.width);
  const x = item.align === 'left' ? item.x : item.align === 'center' ? item.x + (item.width - outline.width) / 2 : item.x + item.width - outline.width;
  return `<g class="native" lang="${script}" role="img" aria-label="${escapeXml(item.text)}"><title>${escapeXml(item.text)}</title>` +
    `<path transform="translate(${n(x)} ${n(item.y)})" fill="${item.inverse === true ? '#fff' : '#000'}" d="${outline.d}"/></g>`;
}

function boxItem(item: Extract<LayoutItem, { kind: 'box' }>): string {
  if (item.thickness * 2 >= Math.min(item.width, item.height)) {
    return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" fill="#000"/>`;
  }
  const t = item.thickness;
  return `<rect x="${n(item.x + t / 2)}" y="${n(item.y + t / 2)}" width="${n(item.width - t)}" height="${n(item.height - t)}" fill="none" stroke="#000" stroke-width="${n(t)}"/>`;
}

function barcodeItem(item: Extract<LayoutItem, { kind: 'barcode' }>, svgOf: BarcodeSvgSource): PrintOutcome<string> {
  const plan = planCode128(item.data);
  const fit = fitBarcode(plan.modules, item.width, VECTOR_BARCODE_DPI);
  if (fit === null) return printFail('BARCODE_INVALID', `The barcode "${item.data}" does not fit the label.`);
  const svg = svgOf(item.data);
  if (!svg.startsWith('<svg ')) return printFail('BARCODE_INVALID', `The barcode "${item.data}" could not be drawn.`);
  const pt = (d: number) => (d * PT_PER_INCH) / VECTOR_BARCODE_DPI;
  const place = `x="${n(item.x + pt(fit.offsetDots))}" y="${n(item.y)}" width="${n(pt(fit.symbolDots))}" height="${n(item.height)}" preserveAspectRatio="none" shape-rendering="crispEdges"`;
  return printOk(svg.replace(/^<svg /, `<svg ${place} `));
}

export function renderHtml(layout: LabelLayout, svgOf: BarcodeSvgSource, art: NativeTextArt): PrintOutcome<string> {
  const parts: string[] = [];
  for (const item of layout.items) {
    if (item.kind === 'text') parts.push(item.script === undefined ? textItem(item) : nativeItem(item, item.script, art));
    else if (item.kind === 'box') parts.push(boxItem(item));
    else {
      const drawn = barcodeItem(item, svgOf);
      if (!drawn.ok) return drawn;
      parts.push(drawn.value);
    }
  }
  const wIn = layout.widthPt / PT_PER_INCH;
  const hIn = layout.heightPt / PT_PER_INCH;
  return printOk(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
      `<title>${escapeXml(layout.title)}</title>` +
      `<style>@page{size:${wIn}in ${hIn}in;margin:0}html,body{margin:0;padding:0;background:#fff}` +
      `svg.label{display:block;width:${wIn}in;height:${hIn}in;font-family:Helvetica,Arial,"Liberation Sans",sans-serif}</style></head>` +
      `<body><svg class="label" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.widthPt} ${layout.heightPt}" width="${wIn}in" height="${hIn}in">` +
      `<rect width="${layout.widthPt}" height="${layout.heightPt}" fill="#fff"/>${parts.join('')}</svg></body></html>\n`,
  );
}
