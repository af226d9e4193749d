/**
 * Sends one due print job and records what happened, each outcome in one transaction with its event:
 *   printed          → done, DOCUMENT_PRINTED
 *   handed over      → handoff, DOCUMENT_PRINT_HANDOFF (browser printing)
 *   printer away     → queued again after the backoff delay (every job for that printer waits as long);
 *                      DOCUMENT_PRINT_DELAYED on the first failure only
 *   needs a person   → failed, DOCUMENT_PRINT_FAILED
 * The bytes are rendered for the job's printer on its first send (and after it moved to another printer) and kept.
 */
import type { Database } from 'better-sqlite3';
import { PrinterTargetSchema, describeTarget, formatOfTarget, type PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { isRetryable, printFail, printOk, type PrintErrorCode, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { printRetryDelayMs, type PrintRetryPolicy } from '../../shared/printing/printRetry.ts';
import { recordPrintEvent } from './printJobEvents.ts';
import { bodyHash, jobModel } from './jobModel.ts';
import type { PrintJobRow } from './printJobRow.ts';
import { markDone, markFailed, markHandoff, markRetry, markSending, storePayload } from '../db/queries/printJobs.ts';
import { isPurgedDocument, PURGED_DOCUMENT_MESSAGE } from '../db/queries/printJobRetention.ts';
import { renderDocument, renderRequestFor, type RenderedDocument } from './renderDocument.ts';
import { sendToPrinter, type PrinterPorts } from './sendToPrinter.ts';

export interface RunnerDeps {
  readonly db: Database;
  readonly ports: () => PrinterPorts;
  readonly now: () => number;
  readonly retry: PrintRetryPolicy;
  readonly log: (line: string) => void;
  /** Called after each recorded change, so listeners see "sending" as well as the outcome. */
  readonly changed: () => void;
}

export function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The DOCUMENT_PRINTED payload. */
export function printedEventPayload(row: PrintJobRow, spoolerJob: string | null, by: 'printer' | 'person'): Record<string, unknown> {
  return {
    jobId: row.job_id, document: row.document, copy: row.copy_no, reason: row.reason, subject: row.subject, attempts: row.attempts, spoolerJob, by,
    mark: row.mark, voided: row.voided_at !== null,
  };
}

function fail(deps: RunnerDeps, row: PrintJobRow, code: PrintErrorCode, message: string): void {
  const now = deps.now();
  deps.db.transaction(() => {
    markFailed(deps.db, row.job_id, now, code, message);
    recordPrintEvent(deps.db, row.intake_id, 'DOCUMENT_PRINT_FAILED', { jobId: row.job_id, document: row.document, copy: row.copy_no, attempts: row.attempts, code, message }, now);
  })();
  deps.changed();
}

/** The bytes for the printer: the stored ones when rendered for this format, else rendered now (and stored). */
async function payload(deps: RunnerDeps, row: PrintJobRow, target: PrinterTarget): Promise<PrintOutcome<RenderedDocument>> {
  const format = formatOfTarget(target);
  if (row.payload !== null && row.format === format) {
    return printOk({ format, bytes: row.payload, title: `ECMS ${row.document} ${row.subject}`, replaced: [] });
  }
  if (isPurgedDocument(row)) return printFail('DOCUMENT_UNAVAILABLE', PURGED_DOCUMENT_MESSAGE);
  const model = jobModel(row);
  if (model === null) return printFail('JOB_DAMAGED', 'The document stored with this job cannot be read.');
  const doc = await renderDocument(model, renderRequestFor(target));
  if (!doc.ok) return doc;
  if (doc.value.replaced.length > 0) deps.log(`job ${row.job_id}: printed as "?": ${doc.value.replaced.join(' ')}`);
  storePayload(deps.db, row.job_id, doc.value.bytes, doc.value.format);
  return doc;
}

export async function runJob(deps: RunnerDeps, row: PrintJobRow): Promise<void> {
  const target = PrinterTargetSchema.safeParse(safeJson(row.target_json));
  if (!target.success) return fail(deps, row, 'JOB_DAMAGED', 'The printer stored with this job cannot be read: retry it to use the printer set up now.');
  markSending(deps.db, row.job_id, deps.now());
  deps.changed();
  const attempted = { ...row, attempts: row.attempts + 1 };
  const doc = await payload(deps, row, target.data);
  if (!doc.ok) return fail(deps, attempted, doc.error.code, doc.error.message);
  const sent = await sendToPrinter(target.data, doc.value, deps.ports());
  const now = deps.now();
  if (sent.ok) {
    const delivery = sent.value;
    deps.db.transaction(() => {
      if (delivery === 'handoff') {
        markHandoff(deps.db, row.job_id, now);
        recordPrintEvent(deps.db, row.intake_id, 'DOCUMENT_PRINT_HANDOFF', { jobId: row.job_id, document: row.document, copy: row.copy_no }, now);
        return;
      }
      markDone(deps.db, row.job_id, now, delivery.spoolerJob, bodyHash(doc.value.bytes));
      recordPrintEvent(deps.db, row.intake_id, 'DOCUMENT_PRINTED', {
        ...printedEventPayload(attempted, delivery.spoolerJob, 'printer'), confirmed: delivery.confirmed, printer: describeTarget(target.data),
      }, now);
    })();
  } else if (isRetryable(sent.error.code)) {
    const { code, message } = sent.error;
    const nextAt = now + printRetryDelayMs(attempted.attempts, deps.retry);
    deps.db.transaction(() => {
      markRetry(deps.db, row, now, nextAt, code, message);
      if (attempted.attempts === 1) {
        recordPrintEvent(deps.db, row.intake_id, 'DOCUMENT_PRINT_DELAYED', { jobId: row.job_id, document: row.document, code, message }, now);
      }
    })();
  } else {
    return fail(deps, attempted, sent.error.code, sent.error.message);
  }
  deps.changed();
}
