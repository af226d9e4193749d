/**
 * Small helpers the document layouts share: margins, captions, rules, fitted text.
 */
import type { BarcodeItem, BoxItem, TextItem } from './labelLayout.ts';
import { LABEL_WIDTH_PT } from './labelLayout.ts';
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

/** "REPRINT 2" for the third print of a document (copy 3), empty for the first. */
export function reprintMarker(copy: number): string | null {
  return copy > 1 ? `REPRINT ${copy - 1}` : null;
}
