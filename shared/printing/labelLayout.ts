/**
 * A document laid out on a 4×6 in label, renderer-neutral: positions and sizes in points (1/72 in) from the
 * top-left corner, y downwards. zplRenderer turns it into dots for 203/300 dpi printers; the PDF and HTML renderers
 * draw it as is. Text is already fitted to its width (textFit.ts, nativeTextFit.ts), so no renderer wraps or clips.
 */
import type { NativeScript } from '../manifest/nativeScript.ts';

export const LABEL_WIDTH_PT = 288; // 4 in
export const LABEL_HEIGHT_PT = 432; // 6 in
export const PT_PER_INCH = 72;

export interface TextItem {
  readonly kind: 'text';
  readonly x: number;
  /** Top of the text line. */
  readonly y: number;
  /** Font size (em height), points. */
  readonly size: number;
  readonly text: string;
  readonly bold: boolean;
  /** 'left' draws from x; 'center'/'right' align within [x, x + width]. */
  readonly align: 'left' | 'center' | 'right';
  readonly width: number;
  /** White text (drawn over a filled box). */
  readonly inverse?: boolean;
  /** Text in a consignee's own script, drawn from the app's Noto Sans CJK font (nativeText.ts), not a printer font. */
  readonly script?: NativeScript;
}

export interface BoxItem {
  readonly kind: 'box';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Line thickness, points; a box whose thickness is at least half its height (or width) is solid. */
  readonly thickness: number;
}

export interface BarcodeItem {
  readonly kind: 'barcode';
  /** The area the symbol and its quiet zones are centred in. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Bar height, points. */
  readonly height: number;
  /** Code 128 data (checked with code128DataProblem when laid out). */
  readonly data: string;
}

export type LayoutItem = TextItem | BoxItem | BarcodeItem;

export interface LabelLayout {
  readonly widthPt: number;
  readonly heightPt: number;
  /** For the printed page's title (PDF metadata, HTML title). */
  readonly title: string;
  readonly items: readonly LayoutItem[];
  /** Fields that did not fit even at their smallest size: the label says "see manifest" there; the station logs them. */
  readonly unfitted?: readonly string[];
}

/** Preferred Code 128 module (narrowest bar): 15 mil, a common shipping-label size. */
export const TARGET_MODULE_IN = 0.015;
/** Narrowest module the station will print: 9.5 mil (2 dots at 203 dpi, 3 at 300 dpi). */
export const MIN_MODULE_IN = 0.0095;
