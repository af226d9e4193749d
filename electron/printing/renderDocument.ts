/**
 * A document model rendered for one printer: ZPL at the printer's dpi, a PDF, or the HTML page Electron and
 * browsers print. The one entry point the queue, the CLI and the test-label command use.
 */
import type { DocumentModel } from '../../shared/printing/documentModel.ts';
import type { PrintFormat, ZplDpi } from '../../shared/printing/documentKinds.ts';
import { renderHtml } from '../../shared/printing/htmlRenderer.ts';
import { layoutDocument } from '../../shared/printing/layoutDocument.ts';
import { printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import type { PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { renderZpl } from '../../shared/printing/zplRenderer.ts';
import { code128Svg } from './barcodeImages.ts';
import { renderPdf } from './pdfRenderer.ts';

export type RenderRequest = { readonly format: 'zpl'; readonly dpi: ZplDpi } | { readonly format: 'pdf' } | { readonly format: 'html' };

export interface RenderedDocument {
  readonly format: PrintFormat;
  readonly bytes: Uint8Array;
  readonly title: string;
  /** Characters the format could not show (PDF only), printed as "?". */
  readonly replaced: readonly string[];
}

export function renderRequestFor(target: PrinterTarget): RenderRequest {
  switch (target.kind) {
    case 'zpl-tcp':
    case 'zpl-device':
      return { format: 'zpl', dpi: target.dpi };
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
  const title = layout.value.title;
  switch (request.format) {
    case 'zpl': {
      const zpl = renderZpl(layout.value, request.dpi);
      return zpl.ok ? printOk({ format: 'zpl', bytes: new TextEncoder().encode(zpl.value), title, replaced: [] }) : zpl;
    }
    case 'pdf': {
      const pdf = await renderPdf(layout.value, new Date(model.printedAt));
      return pdf.ok ? printOk({ format: 'pdf', bytes: pdf.value.bytes, title, replaced: pdf.value.replaced }) : pdf;
    }
    case 'html': {
      const html = renderHtml(layout.value, code128Svg);
      return html.ok ? printOk({ format: 'html', bytes: new TextEncoder().encode(html.value), title, replaced: [] }) : html;
    }
  }
}
