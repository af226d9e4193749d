/**
 * Small helpers the document layouts share: margins, captions, rules, fitted text.
 */
import type { NativeScript } from '../manifest/nativeScript.ts';
import type { BarcodeItem, BoxItem, TextItem } from './labelLayout.ts';
import { LABEL_WIDTH_PT } from './labelLayout.ts';
import { LINE_PITCH, fitText } from './nativeTextFit.ts';
import { truncate } from './textFit.ts';

export const MARGIN = 14;
export const CONTENT_WIDTH = LABEL_WIDTH_PT - 2 * MARGIN;

export interface TextOptions {
  readonly bold?: boolean;
  readonly align?: TextItem['align'];
  readonly width?: number;
  readonly inverse?: boolean;
}

/** A single fitted line of text. */
export function text(x: number, y: number, size: number, value: string, options: TextOptions = {}): TextItem {
  const bold = options.bold ?? false;
  const width = options.width ?? LABEL_WIDTH_PT - MARGIN - x;
  return {
    kind: 'text', x, y, size, bold, width,
    align: options.align ?? 'left',
    text: truncate(value, width, size, bold),
    ...(options.inverse === true ? { inverse: true } : {}),
  };
}

/** A small upper-case caption above a field ("SHIP TO"). */
export function caption(x: number, y: number, value: string, width?: number): TextItem {
  return text(x, y, 7, value.toUpperCase(), width === undefined ? {} : { width });
}

/** A horizontal rule across the content width. */
export function rule(y: number, thickness = 1.5): BoxItem {
  return { kind: 'box', x: MARGIN, y, width: CONTENT_WIDTH, height: thickness, thickness };
}

export function solidBox(x: number, y: number, width: number, height: number): BoxItem {
  return { kind: 'box', x, y, width, height, thickness: Math.min(width, height) };
}

export function barcode(y: number, height: number, data: string): BarcodeItem {
  return { kind: 'barcode', x: MARGIN, y, width: CONTENT_WIDTH, height, data };
}

/**
 * "REPRINT 2" for the third print of a document (copy 3), empty for the first; "REPRINT" on a first print sent again
 * after the station stopped mid-send; "VOID" on the slip that voids the label.
 */
export function reprintMarker(copy: number, mark?: 'REPRINT' | 'VOID'): string | null {
  if (mark === 'VOID') return 'VOID';
  if (copy > 1) return `REPRINT ${copy - 1}`;
  return mark === 'REPRINT' ? 'REPRINT' : null;
}

/** The smallest VOID band (points): room for "VOID" and "Do not use this label". */
export const VOID_BAND_MIN_HEIGHT = 96;
/** How far the band reaches past what it covers, above and below. */
export const VOID_BAND_PAD = 6;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Across a VOID slip: a black band with "VOID" over `cover` (the layout's barcodes, layoutDocument.ts), so the
 * void label cannot be used or scanned. The band is as wide as `cover`, reaches VOID_BAND_PAD past it above and
 * below (at least VOID_BAND_MIN_HEIGHT high, centred on it), and stays on a label `labelHeight` high (at most
 * the whole label).
 */
export function voidBand(cover: Rect, labelHeight: number): [BoxItem, TextItem, TextItem] {
  const height = Math.min(labelHeight, Math.max(VOID_BAND_MIN_HEIGHT, cover.height + 2 * VOID_BAND_PAD));
  const y = Math.min(Math.max(0, cover.y + cover.height / 2 - height / 2), Math.max(0, labelHeight - height));
  const words = y + (height - VOID_BAND_MIN_HEIGHT) / 2;
  return [
    solidBox(cover.x, y, cover.width, height),
    text(cover.x, words + 8, 48, 'VOID', { bold: true, align: 'center', width: cover.width, inverse: true }),
    text(cover.x, words + 64, 14, 'Do not use this label', { bold: true, align: 'center', width: cover.width, inverse: true }),
  ];
}

export interface FieldBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maxSize: number;
  readonly minSize: number;
  readonly bold?: boolean;
  readonly script?: NativeScript;
}

export interface FittedField {
  readonly items: readonly TextItem[];
  /** The field's name when it did not fit: its box then says "see manifest". */
  readonly unfitted: string | null;
}

/** A field wrapped and shrunk into its box (nativeTextFit.ts), or "<what>: see manifest" when it cannot fit. */
export function fittedField(what: string, value: string, box: FieldBox): FittedField {
  const bold = box.bold ?? false;
  const fit = fitText(value, box, box.maxSize, box.minSize, bold);
  const line = (y: number, size: number, t: string, script: NativeScript | undefined): TextItem => ({
    kind: 'text', x: box.x, y, size, bold, width: box.width, align: 'left', text: t, ...(script === undefined ? {} : { script }),
  });
  if (fit === null) {
    const size = Math.min(box.maxSize, 9, box.height);
    return { items: [line(box.y, size, truncate(`${what}: see manifest`, box.width, size, bold), undefined)], unfitted: what };
  }
  return { items: fit.lines.map((t, i) => line(box.y + i * fit.size * LINE_PITCH, fit.size, t, box.script)), unfitted: null };
}
