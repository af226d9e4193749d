/**
 * Searches a still image (a photo of a label) for barcodes: at a decoding size and, if nothing is found, smaller,
 * each upright and turned 90° (a phone photo of a parcel is often sideways; 1D readers scan rows only).
 * Pure computation on a grey frame; the DOM part (file → pixels) is in decodeLabelImage.ts.
 */
import { rotateGreyClockwise, type GreyFrame } from './luminance.ts';
import { createLabelDecoder, type DecodedLabelBarcode, type LabelDecoder } from './zxingLabelDecoder.ts';

/** Longest side, in pixels, of the sizes tried, largest first. */
export const IMAGE_SEARCH_SIDES = [1600, 800] as const;

/** Shrinks a frame so its longest side is at most maxSide (box filter); returns the frame itself if already small. */
export function downscaleGrey(frame: GreyFrame, maxSide: number): GreyFrame {
  const factor = Math.ceil(Math.max(frame.width, frame.height) / maxSide);
  if (factor <= 1) return frame;
  const width = Math.floor(frame.width / factor);
  const height = Math.floor(frame.height / factor);
  const data = new Uint8ClampedArray(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * frame.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += frame.data[row + dx] ?? 0;
      }
      data[y * width + x] = sum / area;
    }
  }
  return { data, width, height };
}

let sharedDecoder: LabelDecoder | undefined;

/** All distinct barcodes found at the first size/orientation that yields any, linear codes first. */
export function searchLabelImage(frame: GreyFrame, decoder: LabelDecoder = (sharedDecoder ??= createLabelDecoder({ tryHarder: true }))): DecodedLabelBarcode[] {
  const tried = new Set<string>();
  for (const side of IMAGE_SEARCH_SIDES) {
    const scaled = downscaleGrey(frame, side);
    const key = `${scaled.width}x${scaled.height}`;
    if (tried.has(key)) continue;
    tried.add(key);
    for (const oriented of [scaled, rotateGreyClockwise(scaled)]) {
      const found = decoder.decodeAll(oriented);
      if (found.length > 0) return found;
    }
  }
  return [];
}
