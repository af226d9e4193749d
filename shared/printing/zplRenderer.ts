/**
 * A label layout as ZPL II for a 203 or 300 dpi thermal printer.
 *   ^CI28           UTF-8 field data (before any text)
 *   ^PW / ^LL       print width and label length in dots, from the layout's inches (4×6 in: 812×1218 at 203 dpi,
 *                   1200×1800 at 300 dpi)
 *   ^A0N,h,w        scalable font 0, height from the point size
 *   ^FB w,1,0,C|R   centred / right-aligned lines
 *   ^GB             rules and solid boxes; ^FR prints text white over a solid box
 *   ^GFA            a line in a consignee's own script, drawn by the NativeTextArt port as a 1-bit bitmap at the
 *                   printer's dpi (no printer has CJK glyphs in font 0)
 *   ^BY k ^BCN,h,N,N,N,N  Code 128, k dots per module (barcodeFit.ts), no printer-made text line (the layout
 *                   prints the text itself, same as the PDF), mode N with explicit code sets (code128.ts)
 * Coordinates: points → dots, rounded to the nearest dot.
 */
import { fitBarcode } from './barcodeFit.ts';
import { planCode128, zplCode128Data } from './code128.ts';
import type { ZplDpi } from './documentKinds.ts';
import type { LabelLayout, LayoutItem } from './labelLayout.ts';
import { PT_PER_INCH } from './labelLayout.ts';
import type { NativeTextArt } from './nativeText.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';
import { zplGraphicField } from './zplGraphic.ts';
import { zplFieldText } from './zplText.ts';

const JUSTIFY = { center: 'C', right: 'R' } as const;

export function renderZpl(layout: LabelLayout, dpi: ZplDpi, art: NativeTextArt): PrintOutcome<string> {
  const dots = (pt: number): number => Math.round((pt * dpi) / PT_PER_INCH);
  const lines: string[] = ['^XA', '^CI28', `^PW${dots(layout.widthPt)}`, `^LL${dots(layout.heightPt)}`, '^LH0,0', '^PON'];
  for (const item of layout.items) {
    const line = renderItem(item, dpi, dots, art);
    if (!line.ok) return line;
    lines.push(line.value);
  }
  lines.push('^PQ1', '^XZ');
  return printOk(`${lines.join('\n')}\n`);
}

function nativeLine(item: Extract<LayoutItem, { kind: 'text' }>, script: NonNullable<Extract<LayoutItem, { kind: 'text' }>['script']>, dpi: ZplDpi, dots: (pt: number) => number, art: NativeTextArt): string {
  const width = dots(item.width);
  // The exact size in dots (not rounded to a whole dot), so the line is set as wide as in the PDF and HTML.
  const bitmap = art.bitmap(item.text, script, item.bold, (item.size * dpi) / PT_PER_INCH, width);
  const shift = item.align === 'left' ? 0 : item.align === 'center' ? Math.floor((width - bitmap.width) / 2) : width - bitmap.width;
  return `^FO${dots(item.x) + shift},${dots(item.y)}${item.inverse === true ? '^FR' : ''}${zplGraphicField(bitmap)}^FS`;
}

function renderItem(item: LayoutItem, dpi: ZplDpi, dots: (pt: number) => number, art: NativeTextArt): PrintOutcome<string> {
  switch (item.kind) {
    case 'text': {
      if (item.script !== undefined) return printOk(nativeLine(item, item.script, dpi, dots, art));
      const h = Math.max(10, dots(item.size));
      const block = item.align === 'left' ? '' : `^FB${dots(item.width)},1,0,${JUSTIFY[item.align]}`;
      return printOk(`^FO${dots(item.x)},${dots(item.y)}^A0N,${h},${h}${block}${item.inverse === true ? '^FR' : ''}^FH^FD${zplFieldText(item.text)}^FS`);
    }
    case 'box': {
      const w = Math.max(1, dots(item.width));
      const h = Math.max(1, dots(item.height));
      const t = Math.min(Math.max(1, dots(item.thickness)), w, h);
      return printOk(`^FO${dots(item.x)},${dots(item.y)}^GB${w},${h},${t},B,0^FS`);
    }
    case 'barcode': {
      const plan = planCode128(item.data);
      const fit = fitBarcode(plan.modules, item.width, dpi);
      if (fit === null) return printFail('BARCODE_INVALID', `The barcode "${item.data}" does not fit the label at ${dpi} dpi.`);
      return printOk(`^FO${dots(item.x) + fit.offsetDots},${dots(item.y)}^BY${fit.moduleDots}^BCN,${dots(item.height)},N,N,N,N^FD${zplCode128Data(plan)}^FS`);
    }
  }
}
