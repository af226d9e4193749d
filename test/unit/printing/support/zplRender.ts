/**
 * Test helper: ZPL rendered to pixels by zpl-renderer-js (Zebrash compiled to WebAssembly, runs offline in Node).
 * It is not Zebra firmware: zplRenderer.proof.test.ts lists where it differs from the ZPL II manual.
 */
import { ready } from 'zpl-renderer-js';
import { decodePng } from './png.ts';
import type { GreyImage } from './rasterise.ts';

/** Dots per millimetre the renderer is given: 8 (203 dpi) and 12 (a 300 dpi head is 11.8 dpmm; Zebra calls it 12). */
export const DPMM = { 203: 8, 300: 12 } as const;

/**
 * The label is given to the renderer as exactly 4×6 in of dots (812×1218 at 203 dpi, 1200×1800 at 300 dpi): on
 * wider media it centres the print width (^PW), which would shift every field by half the difference.
 */
export async function renderZplImage(zpl: string, dpi: 203 | 300): Promise<{ png: Buffer; image: GreyImage }> {
  const { api } = await ready;
  const mm = (inches: number): number => Math.round(inches * dpi) / DPMM[dpi];
  const png = Buffer.from(await api.zplToBase64Async(zpl, mm(4), mm(6), DPMM[dpi]), 'base64');
  return { png, image: decodePng(png) };
}
