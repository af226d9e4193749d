/**
 * Any document model → its label layout, with every barcode checked: a barcode whose text Code 128 cannot carry,
 * or which is too long for the label at the narrowest module the station prints, is a BARCODE_INVALID failure
 * before anything reaches a printer.
 */
import { VECTOR_BARCODE_DPI, fitBarcode } from './barcodeFit.ts';
import { ZPL_DPIS } from './documentKinds.ts';
import { code128DataProblem, planCode128 } from './code128.ts';
import type { DocumentModel } from './documentModel.ts';
import type { BarcodeItem, LabelLayout } from './labelLayout.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';
import { relabelLayout } from './relabelLayout.ts';
import { returnSlipLayout } from './returnSlipLayout.ts';
import { testLabelLayout } from './testLabelLayout.ts';
import { VOID_BAND_MIN_HEIGHT, voidBand, type Rect } from './layoutKit.ts';

function layoutOf(model: DocumentModel): LabelLayout {
  switch (model.document) {
    case 'relabel':
      return relabelLayout(model);
    case 'return-slip':
      return returnSlipLayout(model);
    case 'test':
      return testLabelLayout(model);
  }
}

/** Every grid a barcode is drawn on: thermal 203 and 300 dpi, and the 300 dpi grid of PDFs and HTML. */
const BARCODE_DPIS = [...ZPL_DPIS, VECTOR_BARCODE_DPI] as const;

/** What a VOID band must cover: every barcode of the layout, wherever it is (a layout without one: its middle). */
export function voidCover(layout: LabelLayout): Rect {
  const codes = layout.items.filter((i): i is BarcodeItem => i.kind === 'barcode');
  if (codes.length === 0) return { x: 0, y: (layout.heightPt - VOID_BAND_MIN_HEIGHT) / 2, width: layout.widthPt, height: VOID_BAND_MIN_HEIGHT };
  const x = Math.min(...codes.map((c) => c.x));
  const y = Math.min(...codes.map((c) => c.y));
  return { x, y, width: Math.max(...codes.map((c) => c.x + c.width)) - x, height: Math.max(...codes.map((c) => c.y + c.height)) - y };
}

export function layoutDocument(model: DocumentModel): PrintOutcome<LabelLayout> {
  const plain = layoutOf(model);
  const layout = model.mark === 'VOID' ? { ...plain, title: `VOID ${plain.title}`, items: [...plain.items, ...voidBand(voidCover(plain), plain.heightPt)] } : plain;
  for (const item of layout.items) {
    if (item.kind !== 'barcode') continue;
    const problem = code128DataProblem(item.data);
    if (problem !== null) return printFail('BARCODE_INVALID', `Cannot print the barcode "${item.data}": ${problem}.`);
    const modules = planCode128(item.data).modules;
    if (BARCODE_DPIS.some((dpi) => fitBarcode(modules, item.width, dpi) === null)) {
      return printFail('BARCODE_INVALID', `The barcode "${item.data}" is too long to fit the 4 in label as Code 128.`);
    }
  }
  return printOk(layout);
}
