/**
 * Decodes one grey frame with @zxing/library, restricted to label symbologies and GS1-aware (ASSUME_GS1: a GS1-128
 * read comes back as "]C1…" with GS between elements; GS1 DataMatrix starts with GS). Linear codes are tried before
 * matrix codes, so the 1D tracking barcode wins over a carrier's 2D message in the same frame.
 *
 * The readers are called one by one rather than through MultiFormatReader: in 0.23.0 MultiFormatReader logs a
 * console warning with a stack trace for every reader that finds nothing (its NotFoundException is not a
 * ReaderException), i.e. several per empty video frame.
 * Pure computation on pixels: used by the camera loop, the image-file decoder, tests and benchmarks.
 */
import {
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  Exception,
  HybridBinarizer,
  MultiFormatOneDReader,
  PDF417Reader,
  QRCodeReader,
  RGBLuminanceSource,
  type Reader,
} from '@zxing/library';
import { labelFormatOf, LINEAR_LABEL_FORMATS, ZXING_FORMAT, type LabelBarcodeFormat } from './labelBarcodeFormats.ts';
import type { GreyFrame } from './luminance.ts';

export interface DecodedLabelBarcode {
  /** Decoded text, to be handed to classifyScan unchanged. */
  readonly text: string;
  readonly format: LabelBarcodeFormat;
}

export interface LabelDecoderOptions {
  /** Slower, more thorough search (image files); off for live video. */
  readonly tryHarder?: boolean;
}

export interface LabelDecoder {
  /** The first code found (linear before matrix), or null when the frame holds none that can be read. */
  decode(frame: GreyFrame): DecodedLabelBarcode | null;
  /** Every distinct code found: at most one per reader, linear first. */
  decodeAll(frame: GreyFrame): DecodedLabelBarcode[];
}

/**
 * The library signals "nothing readable here" with its own exceptions (NotFound, Checksum, Format, and on odd
 * input ArrayIndexOutOfBounds / IllegalArgument); those mean "no read". Anything else is a real failure.
 */
function isNoRead(error: unknown): boolean {
  return error instanceof Exception;
}

function tryReader(reader: Reader, bitmap: BinaryBitmap, hints: Map<DecodeHintType, unknown>): DecodedLabelBarcode | null {
  try {
    const result = reader.decode(bitmap, hints);
    const format = labelFormatOf(result.getBarcodeFormat());
    return format === undefined ? null : { text: result.getText(), format };
  } catch (error: unknown) {
    if (isNoRead(error)) return null;
    throw error;
  } finally {
    reader.reset();
  }
}

export function createLabelDecoder(options: LabelDecoderOptions = {}): LabelDecoder {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, LINEAR_LABEL_FORMATS.map((f) => ZXING_FORMAT[f])],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  if (options.tryHarder === true) hints.set(DecodeHintType.TRY_HARDER, true);
  const readers: Reader[] = [new MultiFormatOneDReader(hints), new DataMatrixReader(), new QRCodeReader(), new PDF417Reader()];
  const bitmapOf = (frame: GreyFrame) => new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(frame.data, frame.width, frame.height)));

  return {
    decode(frame) {
      const bitmap = bitmapOf(frame);
      for (const reader of readers) {
        const found = tryReader(reader, bitmap, hints);
        if (found) return found;
      }
      return null;
    },
    decodeAll(frame) {
      const bitmap = bitmapOf(frame);
      const found: DecodedLabelBarcode[] = [];
      for (const reader of readers) {
        const r = tryReader(reader, bitmap, hints);
        if (r && !found.some((f) => f.text === r.text)) found.push(r);
      }
      return found;
    },
  };
}
