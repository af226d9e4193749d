/**
 * Code 128 symbols drawn by bwip-js: a PNG for the PDF (one pixel per printer dot on the 300 dpi grid, so a
 * 300/600 dpi printer reproduces every bar exactly) and an SVG for the HTML page. No quiet zone in the image: the
 * layout keeps 10 modules of white on each side (barcodeFit.ts).
 */
import bwipjs from 'bwip-js';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';

export interface BarcodePng {
  readonly png: Uint8Array;
  /** Width of the image in pixels (= modules × dots per module). */
  readonly widthPx: number;
}

function problem(data: string, error: unknown): PrintOutcome<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return printFail('BARCODE_INVALID', `bwip-js could not draw the barcode "${data}": ${detail}`);
}

export async function code128Png(data: string, dotsPerModule: number): Promise<PrintOutcome<BarcodePng>> {
  try {
    const png = await bwipjs.toBuffer({ bcid: 'code128', text: data, scaleX: dotsPerModule, scaleY: 2, height: 4, includetext: false });
    if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47) return printFail('BARCODE_INVALID', `bwip-js returned no PNG for "${data}".`);
    return printOk({ png: new Uint8Array(png), widthPx: png.readUInt32BE(16) });
  } catch (error) {
    return problem(data, error);
  }
}

/** SVG with one viewBox unit per module across; throws nothing (a failure is returned as an empty string). */
export function code128Svg(data: string): string {
  try {
    return bwipjs.toSVG({ bcid: 'code128', text: data, scale: 1, height: 4, includetext: false });
  } catch {
    return '';
  }
}
