/**
 * Decodes a dropped or opened photo of a label (browser / Electron renderer): file → pixels → searchLabelImage.
 */
import { rgbaToGrey, type GreyFrame } from './luminance.ts';
import { IMAGE_SEARCH_SIDES, searchLabelImage } from './searchLabelImage.ts';
import type { DecodedLabelBarcode } from './zxingLabelDecoder.ts';

export const IMAGE_DECODE_FAILURES = ['NOT_AN_IMAGE', 'UNREADABLE_IMAGE', 'NO_BARCODE_FOUND', 'DECODER_FAILED'] as const;
export type ImageDecodeFailure = (typeof IMAGE_DECODE_FAILURES)[number];

export type ImageDecodeResult =
  | { readonly ok: true; readonly barcodes: readonly DecodedLabelBarcode[] }
  | { readonly ok: false; readonly reason: ImageDecodeFailure; readonly detail?: string };

/** Pixels of an image file, scaled so the longest side is at most maxSide (the browser's resampling is better than ours). */
async function imagePixels(file: Blob, maxSide: number): Promise<GreyFrame | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('2D canvas context unavailable');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height);
  } finally {
    bitmap.close();
  }
}

export async function decodeLabelImage(file: Blob): Promise<ImageDecodeResult> {
  if (file.type !== '' && !file.type.startsWith('image/')) return { ok: false, reason: 'NOT_AN_IMAGE' };
  const frame = await imagePixels(file, IMAGE_SEARCH_SIDES[0]);
  if (!frame) return { ok: false, reason: 'UNREADABLE_IMAGE' };
  let barcodes: readonly DecodedLabelBarcode[];
  try {
    barcodes = searchLabelImage(frame);
  } catch (error: unknown) {
    return { ok: false, reason: 'DECODER_FAILED', detail: error instanceof Error ? error.message : String(error) };
  }
  return barcodes.length > 0 ? { ok: true, barcodes } : { ok: false, reason: 'NO_BARCODE_FOUND' };
}
