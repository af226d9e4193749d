/**
 * Test helpers: a PDF rasterised with poppler's pdftoppm (grey PGM) and Code 128 decoded from the pixels with
 * @zxing/library — the way a scanner would read the printed page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, Exception, HybridBinarizer, MultiFormatOneDReader, RGBLuminanceSource } from '@zxing/library';

const run = promisify(execFile);

export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export const PDFTOPPM = '/usr/bin/pdftoppm';

/** Parses a binary PGM (P5, maxval 255). */
export function parsePgm(bytes: Uint8Array): GreyImage {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at] ?? 0))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at] ?? 0))) token += String.fromCharCode(bytes[at++] ?? 0);
    header.push(token);
  }
  at++;
  const [magic, w, h, max] = header;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit binary PGM: ${header.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: new Uint8ClampedArray(bytes.subarray(at, at + width * height)) };
}

export async function rasterisePdfFile(file: string, dpi: number): Promise<GreyImage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecms-raster-'));
  try {
    await run(PDFTOPPM, ['-r', String(dpi), '-gray', '-singlefile', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    return parsePgm(await readFile(path.join(dir, 'page.pgm')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function rasterisePdf(pdf: Uint8Array, dpi: number): Promise<GreyImage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecms-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    return await rasterisePdfFile(file, dpi);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The Code 128 text in the image, or null when none can be read. */
export function decodeCode128(image: GreyImage): string | null {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new MultiFormatOneDReader(hints);
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.data, image.width, image.height)));
    return reader.decode(bitmap, hints).getText();
  } catch (error) {
    if (error instanceof Exception) return null;
    throw error;
  }
}
