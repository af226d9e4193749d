/**
 * Lines of text in a consignee's own script (Chinese, Japanese, Korean). No printer font and no PDF standard font
 * has these glyphs, so each renderer draws them from the Noto Sans CJK font the app ships, through this port
 * (electron/printing/fonts/ implements it): ZPL as a 1-bit ^GF bitmap at the printer's dpi, HTML as SVG outlines,
 * PDF with the font embedded. Shared code only lays the lines out (nativeTextFit.ts) and places what is drawn.
 */
import type { NativeScript } from '../manifest/nativeScript.ts';

/** The line's baseline below its top, as a fraction of the size: Noto Sans CJK's ideographic em box top is 0.88 em. */
export const NATIVE_BASELINE_EM = 0.88;

/** A 1-bit image: `rowBytes` bytes per row, most significant bit first, 1 = black (the ^GF layout). */
export interface MonoBitmap {
  readonly width: number;
  readonly height: number;
  readonly rowBytes: number;
  readonly bits: Uint8Array;
}

export interface NativeOutline {
  /** SVG path data in points, origin at the line's top-left corner. */
  readonly d: string;
  /** Advance width of the line, points. */
  readonly width: number;
}

export interface NativeTextArt {
  /**
   * The line at `sizeDots` dots per em: its top row is the line's top (baseline at NATIVE_BASELINE_EM × size),
   * no wider than `maxWidthDots` (set smaller when the font's advances need it, never cut).
   */
  bitmap(text: string, script: NativeScript, bold: boolean, sizeDots: number, maxWidthDots: number): MonoBitmap;
  /** The same line as outlines in points, no wider than `maxWidthPt`. */
  outline(text: string, script: NativeScript, bold: boolean, sizePt: number, maxWidthPt: number): NativeOutline;
}

/** Is the pixel at (x, y) black? */
export function bitAt(bitmap: MonoBitmap, x: number, y: number): boolean {
  const byte = bitmap.bits[y * bitmap.rowBytes + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}
