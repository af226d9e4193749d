/**
 * Sends a printer test label straight to a printer (no queue): what the setup panel's "Print test label" and
 * `npm run cli -- print-test` do. For the browser's print dialog the station only makes the page.
 */
import { testLabelModel } from '../../shared/printing/testLabelModel.ts';
import type { SlipStation } from '../../shared/printing/documentModel.ts';
import { describeTarget, type PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { renderDocument, renderRequestFor } from './renderDocument.ts';
import { sendToPrinter, type PrinterPorts } from './sendToPrinter.ts';

export interface TestLabelResult {
  readonly printer: string;
  readonly durationMs: number;
  readonly spoolerJob: string | null;
  readonly handoffHtml: string | null;
}

export async function sendTestLabel(target: PrinterTarget, station: SlipStation, operator: string, now: number, ports: PrinterPorts): Promise<PrintOutcome<TestLabelResult>> {
  const started = performance.now();
  const doc = await renderDocument(testLabelModel(target, station, operator, now), renderRequestFor(target));
  if (!doc.ok) return doc;
  const sent = await sendToPrinter(target, doc.value, ports);
  if (!sent.ok) return sent;
  const durationMs = Math.round(performance.now() - started);
  if (sent.value === 'handoff') {
    return printOk({ printer: describeTarget(target), durationMs, spoolerJob: null, handoffHtml: new TextDecoder().decode(doc.value.bytes) });
  }
  return printOk({ printer: describeTarget(target), durationMs, spoolerJob: sent.value.spoolerJob, handoffHtml: null });
}
