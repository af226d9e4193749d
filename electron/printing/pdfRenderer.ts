/**
 * A label layout as a one-page PDF of exactly the layout's size (4×6 in = 288×432 pt), with pdf-lib: Helvetica
 * text, vector rules and boxes, Code 128 barcodes as bwip-js PNGs placed on the 300 dpi grid (barcodeFit.ts).
 *
 * Helvetica (a PDF standard font) covers Latin-1 only; any other character is printed as "?" and listed in
 * `replaced`, so the caller can tell. Lines the layout marks as a consignee's own script are set in the shipped
 * Noto Sans CJK font of that script (fonts/cjkFonts.ts), embedded as a subset of just the glyphs this document uses
 * (with a ToUnicode map, so the text can be searched and extracted).
 * A line measured wider than its box is set smaller, never clipped.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { NativeScript } from '../../shared/manifest/nativeScript.ts';
import { NATIVE_BASELINE_EM } from '../../shared/printing/nativeText.ts';
import { VECTOR_BARCODE_DPI, fitBarcode } from '../../shared/printing/barcodeFit.ts';
import { planCode128 } from '../../shared/printing/code128.ts';
import { BASELINE_EM } from '../../shared/printing/htmlRenderer.ts';
import type { LabelLayout, LayoutItem } from '../../shared/printing/labelLayout.ts';
import { PT_PER_INCH } from '../../shared/printing/labelLayout.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { code128Png } from './barcodeImages.ts';
import { cjkFont } from './fonts/cjkFonts.ts';

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  /** Characters the PDF font cannot show, printed as "?". */
  readonly replaced: readonly string[];
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly charset: ReadonlySet<number>;
  /** The CJK fonts embedded so far, per script and weight. */
  readonly native: Map<string, { readonly font: PDFFont; readonly charset: ReadonlySet<number> }>;
}

async function nativeFont(doc: PDFDocument, fonts: Fonts, script: NativeScript, bold: boolean): Promise<{ readonly font: PDFFont; readonly charset: ReadonlySet<number> }> {
  const key = `${script}/${bold ? 'bold' : 'regular'}`;
  const known = fonts.native.get(key);
  if (known !== undefined) return known;
  const font = await doc.embedFont(cjkFont(script, bold).bytes, { subset: true });
  const entry = { font, charset: new Set(font.getCharacterSet()) };
  fonts.native.set(key, entry);
  return entry;
}

function printable(text: string, charset: ReadonlySet<number>, replaced: Set<string>): string {
  let out = '';
  for (const ch of text) {
    if (charset.has(ch.codePointAt(0) ?? -1)) out += ch;
    else {
      replaced.add(ch);
      out += '?';
    }
  }
  return out;
}

async function drawText(doc: PDFDocument, page: PDFPage, item: Extract<LayoutItem, { kind: 'text' }>, fonts: Fonts, replaced: Set<string>, height: number): Promise<void> {
  const native = item.script === undefined ? null : await nativeFont(doc, fonts, item.script, item.bold);
  const font = native?.font ?? (item.bold ? fonts.bold : fonts.regular);
  const text = printable(item.text, native?.charset ?? fonts.charset, replaced);
  let size = item.size;
  let width = font.widthOfTextAtSize(text, size);
  if (width > item.width) {
    size = (size * item.width) / width;
    width = item.width;
  }
  const x = item.align === 'left' ? item.x : item.align === 'center' ? item.x + (item.width - width) / 2 : item.x + item.width - width;
  const baseline = native === null ? item.size * BASELINE_EM : size * NATIVE_BASELINE_EM;
  page.drawText(text, { x, y: height - (item.y + baseline), size, font, color: item.inverse === true ? rgb(1, 1, 1) : rgb(0, 0, 0) });
}

function drawBox(page: PDFPage, item: Extract<LayoutItem, { kind: 'box' }>, height: number): void {
  if (item.thickness * 2 >= Math.min(item.width, item.height)) {
    page.drawRectangle({ x: item.x, y: height - item.y - item.height, width: item.width, height: item.height, color: rgb(0, 0, 0) });
    return;
  }
  const t = item.thickness;
  page.drawRectangle({
    x: item.x + t / 2, y: height - item.y - item.height + t / 2, width: item.width - t, height: item.height - t,
    borderColor: rgb(0, 0, 0), borderWidth: t,
  });
}

async function drawBarcode(doc: PDFDocument, page: PDFPage, item: Extract<LayoutItem, { kind: 'barcode' }>, height: number): Promise<PrintOutcome<null>> {
  const fit = fitBarcode(planCode128(item.data).modules, item.width, VECTOR_BARCODE_DPI);
  if (fit === null) return printFail('BARCODE_INVALID', `The barcode "${item.data}" does not fit the label.`);
  const drawn = await code128Png(item.data, fit.moduleDots);
  if (!drawn.ok) return drawn;
  const image = await doc.embedPng(drawn.value.png);
  const widthPt = (drawn.value.widthPx * PT_PER_INCH) / VECTOR_BARCODE_DPI;
  page.drawImage(image, { x: item.x + (item.width - widthPt) / 2, y: height - item.y - item.height, width: widthPt, height: item.height });
  return printOk(null);
}

export async function renderPdf(layout: LabelLayout, createdAt?: Date): Promise<PrintOutcome<RenderedPdf>> {
  const doc = await PDFDocument.create();
  doc.setTitle(layout.title);
  doc.setCreator('ECMS Intake');
  doc.setProducer('ECMS Intake (pdf-lib, bwip-js)');
  if (createdAt !== undefined) {
    doc.setCreationDate(createdAt);
    doc.setModificationDate(createdAt);
  }
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, charset: new Set(regular.getCharacterSet()), native: new Map() };
  const page = doc.addPage([layout.widthPt, layout.heightPt]);
  const replaced = new Set<string>();
  for (const item of layout.items) {
    if (item.kind === 'text') await drawText(doc, page, item, fonts, replaced, layout.heightPt);
    else if (item.kind === 'box') drawBox(page, item, layout.heightPt);
    else {
      const done = await drawBarcode(doc, page, item, layout.heightPt);
      if (!done.ok) return done;
    }
  }
  return printOk({ bytes: await doc.save(), replaced: [...replaced] });
}
