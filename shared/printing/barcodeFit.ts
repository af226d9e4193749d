/**
 * How wide each bar of a Code 128 symbol is printed: the widest whole number of printer dots per module that is
 * no wider than the 15-mil target and still fits the symbol plus its quiet zones into the space given. Whole dots
 * keep every bar the same width on a thermal head; PDFs use the same rule on a 300 dpi grid (exact at 300 and
 * 600 dpi office printers).
 */
import { CODE128_QUIET_ZONE_MODULES } from './code128.ts';
import { MIN_MODULE_IN, PT_PER_INCH, TARGET_MODULE_IN } from './labelLayout.ts';

export interface BarcodeFit {
  /** Dots per module at `dpi`. */
  readonly moduleDots: number;
  /** Symbol width without quiet zones, in dots. */
  readonly symbolDots: number;
  /** Left edge of the symbol (bars), in dots from the item's left edge: the symbol is centred. */
  readonly offsetDots: number;
}

export function fitBarcode(modules: number, availableWidthPt: number, dpi: number): BarcodeFit | null {
  const available = Math.floor((availableWidthPt * dpi) / PT_PER_INCH);
  const most = Math.max(1, Math.floor(TARGET_MODULE_IN * dpi + 1e-9));
  const least = Math.max(1, Math.ceil(MIN_MODULE_IN * dpi - 1e-9));
  for (let k = most; k >= least; k--) {
    if ((modules + 2 * CODE128_QUIET_ZONE_MODULES) * k <= available) {
      const symbolDots = modules * k;
      return { moduleDots: k, symbolDots, offsetDots: Math.floor((available - symbolDots) / 2) };
    }
  }
  return null;
}

/** The grid PDFs and HTML pages place barcodes on (see file comment). */
export const VECTOR_BARCODE_DPI = 300;
