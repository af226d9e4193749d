/**
 * Grey-scale frames for the decoders: one byte per pixel, row-major. Canvas ImageData is RGBA, and @zxing/library's
 * RGBLuminanceSource reads a Uint8ClampedArray as one grey byte per pixel (../shared/reference/barcodes.md §4.1), so RGBA must be
 * converted first.
 */

export interface GreyFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** RGBA (ImageData.data) → grey, with the usual integer luma weights. */
export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GreyFrame {
  const n = width * height;
  if (rgba.length < n * 4) throw new RangeError(`RGBA buffer holds ${rgba.length} bytes, ${n * 4} needed for ${width}×${height}`);
  const data = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    data[i] = (306 * (rgba[j] ?? 0) + 601 * (rgba[j + 1] ?? 0) + 117 * (rgba[j + 2] ?? 0) + 512) >> 10;
  }
  return { data, width, height };
}

/** The frame turned 90° clockwise (1D readers only scan rows, and RGBLuminanceSource cannot rotate). */
export function rotateGreyClockwise(frame: GreyFrame): GreyFrame {
  const { width: w, height: h, data } = frame;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = data[y * w + x] ?? 0;
  }
  return { data: out, width: h, height: w };
}
