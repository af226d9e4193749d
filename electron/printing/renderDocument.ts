/**
 * A document model rendered for one printer: ZPL at the printer's dpi, EPL2 (203 dpi) for an LP/TLP 2844, a PDF,
 * or the HTML page Electron and browsers print. The one entry point the queue, the CLI and the test-label command use.
 * Lines in a consignee's own script are drawn from the shipped CJK fonts (fonts/). A field the layout could not
 * fit (the label says "see manifest" there) is logged with the document's title.
 */
import type { DocumentModel } from '../../shared/printing/documentModel.ts';
import type { PrintFormat, ZplDpi } from '../../shared/printing/documentKinds.ts';
import { renderEpl } from '../../shared/printing/eplRenderer.ts';
import { renderHtml } from '../../shared/printing/htmlRenderer.ts';
import { layoutDocument } from '../../shared/printing/layoutDocument.ts';
import type { LabelLayout } from '../../shared/printing/labelLayout.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import type { PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { renderZpl } from '../../shared/printing/zplRenderer.ts';
import { processLogger } from '../log/processLogger.ts';
import { code128Svg } from './barcodeImages.ts';
import { nativeTextArt } from './fonts/nativeTextArt.ts';
import { renderPdf } from './pdfRenderer.ts';

export type RenderRequest = { readonly format: 'zpl'; readonly dpi: ZplDpi } | { readonly format: 'epl' } | { readonly format: 'pdf' } | { readonly format: 'html' };

export interface RenderedDocument {
  readonly format: PrintFormat;
  readonly bytes: Uint8Array;
  readonly title: string;
  /** Characters the format could not show (PDF, and EPL2's Latin-only resident fonts), printed as "?". */
  readonly replaced: readonly string[];
}

export function renderRequestFor(target: PrinterTarget): RenderRequest {
  switch (target.kind) {
    case 'zpl-tcp':
    case 'zpl-device':
      return { format: 'zpl', dpi: target.dpi };
    case 'epl-tcp':
    case 'epl-device':
      return { format: 'epl' };
    case 'pdf-cups':
      return { format: 'pdf' };
    case 'pdf-system':
    case 'browser-print':
      return { format: 'html' };
  }
}

export async function renderDocument(model: DocumentModel, request: RenderRequest): Promise<PrintOutcome<RenderedDocument>> {
  const layout = layoutDocument(model);
  if (!layout.ok) return layout;
  const unfitted = layout.value.unfitted ?? [];
  if (unfitted.length > 0) {
    processLogger().warn({ document: model.document, title: layout.value.title, unfitted, format: request.format }, 'label fields too long for the label: printed as "see manifest"');
  }
  try {
    return await renderLayout(layout.value, model, request);
  } catch (error) {
    if (!(error instanceof Error) || !('code' in error) || error.code !== 'ENOENT') throw error;
    processLogger().error({ err: error, title: layout.value.title }, 'a label font file is missing');
    return printFail('DOCUMENT_UNAVAILABLE', 'The font for names in Chinese, Japanese or Korean is missing from this installation. Ask IT to reinstall the station app.');
  }
}

async function renderLayout(layout: LabelLayout, model: DocumentModel, request: RenderRequest): Promise<PrintOutcome<RenderedDocument>> {
  const title = layout.title;
  switch (request.format) {
    case 'zpl': {
      const zpl = renderZpl(layout, request.dpi, nativeTextArt);
      return zpl.ok ? printOk({ format: 'zpl', bytes: new TextEncoder().encode(zpl.value), title, replaced: [] }) : zpl;
    }
    case 'epl': {
      const epl = renderEpl(layout, nativeTextArt);
      return epl.ok ? printOk({ format: 'epl', bytes: epl.value.bytes, title, replaced: epl.value.replaced }) : epl;
    }
    case 'pdf': {
      const pdf = await renderPdf(layout, new Date(model.printedAt));
      return pdf.ok ? printOk({ format: 'pdf', bytes: pdf.value.bytes, title, replaced: pdf.value.replaced }) : pdf;
    }
    case 'html': {
      const html = renderHtml(layout, code128Svg, nativeTextArt);
      return html.ok ? printOk({ format: 'html', bytes: new TextEncoder().encode(html.value), title, replaced: [] }) : html;
    }
  }
}
