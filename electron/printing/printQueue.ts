/**
 * The station's persistent print queue (SQLite table print_jobs). One worker sends jobs one at a time, oldest first
 * per printer; a printer that is offline keeps its jobs queued, retried with capped backoff (printRetry.ts) and
 * visible; a restart picks the queue up where it was (a job cut off mid-send is sent again). Jobs are never
 * deleted or dropped: done and failed jobs stay as the parcel's print history, and a failed job can be retried.
 *
 * Enqueueing is synchronous and writes the job and its event in one transaction, so the station core can call it
 * inside the transaction that records the verdict. Rendering (pdf-lib, bwip-js) and sending happen in the worker.
 * Every public method returns a PrintOutcome (typed failure) instead of throwing; only SQLite failures throw.
 */
import { listenerSet, logListenerError } from '../devices/listenerSet.ts';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import type { DocumentKind } from '../../shared/printing/documentKinds.ts';
import type { DocumentModel, SlipStation } from '../../shared/printing/documentModel.ts';
import { layoutDocument } from '../../shared/printing/layoutDocument.ts';
import type { JobReason, PrintJobView, PrintQueueStatus } from '../../shared/printing/printJob.ts';
import { DEFAULT_PRINT_RETRY, type PrintRetryPolicy } from '../../shared/printing/printRetry.ts';
import {
  PrinterTargetSchema, describeTarget, formatOfTarget, targetKey, type PrintSettings, type PrinterTarget,
} from '../../shared/printing/printerSettings.ts';
import { printFail, printOk, type PrintFailure, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { documentModelFor, subjectOf } from './documentModelFor.ts';
import { isPurgedDocument, PURGED_DOCUMENT_MESSAGE } from '../db/queries/printJobRetention.ts';
import { recordPrintEvent } from './printJobEvents.ts';
import { isDamaged, toJobView, type DamagedRow, type PrintJobRow } from './printJobRow.ts';
import {
  dueJob, earliestAttempt, getJob, insertJob, jobCounts, jobOfRequest, jobsOfIntake, latestDocumentJob, liveJobsOfIntake, markDone, markFailed,
  markVoided, movableJobs, nextCopy, requeueInterrupted, requeueNow, retarget, visibleJobs, waitBehindPrinter, wakeJobsOfPrinter, type NewJob,
} from '../db/queries/printJobs.ts';
import { parsePrintSettings, readPrintSettings, writePrintSettings } from '../db/queries/printSettings.ts';
import { printedEventPayload, runJob, type RunnerDeps } from './printJobRunner.ts';
import { bodyHash, jobModel } from './jobModel.ts';
import { renderDocument } from './renderDocument.ts';
import type { PrinterPorts } from './sendToPrinter.ts';
import type { SystemPrinter, SystemPrinterInfo } from './systemPrinter.ts';
import { listCupsPrinters } from './transports/cupsTransport.ts';
import { sendTestLabel, type TestLabelResult } from './testLabel.ts';

export interface PrintQueueOptions {
  readonly db: Database;
  /** The station printed on every document (from the station settings). */
  readonly station: () => SlipStation;
  readonly ports: PrinterPorts;
  readonly now?: () => number;
  readonly retry?: PrintRetryPolicy;
  /** How many done jobs status() lists after the open ones (default 20). */
  readonly recentDone?: number;
  readonly log?: (line: string) => void;
}

export interface AutoPrintResult {
  readonly jobs: PrintJobView[];
  /** Documents the settings ask for that could not be queued (each also logged as DOCUMENT_NOT_PRINTED). */
  readonly notQueued: Array<{ readonly document: DocumentKind } & PrintFailure>;
}

/** Failures a new printer setup can cure: such failed jobs move to the new printer with the queued ones. */
const PRINTER_SETUP_CODES = new Set(['NO_PRINTER', 'PRINTER_REJECTED', 'PRINTER_UNAVAILABLE']);
/** Longest sleep of the worker: it looks at the queue at least this often even without a wake-up. */
const MAX_SLEEP_MS = 60_000;

type StoredTarget = NonNullable<NewJob['target']>;

function storedTarget(target: PrinterTarget): StoredTarget {
  return { json: JSON.stringify(target), key: targetKey(target), format: formatOfTarget(target) };
}

function damaged(row: DamagedRow): PrintOutcome<never> {
  return printFail('JOB_DAMAGED', `Print job ${row.jobId} cannot be read back (${row.problem}); it is kept as it is.`);
}

export class PrintQueue {
  readonly #db: Database;
  readonly #station: () => SlipStation;
  #ports: PrinterPorts;
  readonly #now: () => number;
  readonly #retry: PrintRetryPolicy;
  readonly #recentDone: number;
  readonly #log: (line: string) => void;
  readonly #listeners = listenerSet<PrintQueueStatus>(logListenerError('print queue status'));
  readonly #runner: RunnerDeps;
  #running = false;
  #stopped = false;
  #active: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #notifyPending = false;

  constructor(options: PrintQueueOptions) {
    this.#db = options.db;
    this.#station = options.station;
    this.#ports = options.ports;
    this.#now = options.now ?? Date.now;
    this.#retry = options.retry ?? DEFAULT_PRINT_RETRY;
    this.#recentDone = options.recentDone ?? 20;
    this.#log = options.log ?? ((line) => process.stderr.write(`[print] ${line}\n`));
    this.#runner = {
      db: this.#db, ports: () => this.#ports, now: this.#now, retry: this.#retry, log: this.#log, changed: () => this.#notify(),
    };
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Starts the worker. Jobs a stopped station left mid-send are queued again first. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const interrupted = requeueInterrupted(this.#db, this.#now());
    if (interrupted > 0) this.#log(`${interrupted} job(s) interrupted by the last stop are queued again`);
    this.#wake();
  }

  /** Stops the worker after the job being sent (each transport has its own time limits). */
  async stop(): Promise<void> {
    this.#running = false;
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#active;
  }

  /** Called with the queue after every change (after the change is committed). Returns the unsubscribe. */
  onStatus(listener: (status: PrintQueueStatus) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Electron main attaches its silent-print adapter here once the app is ready (null detaches it). */
  attachSystemPrinter(printer: SystemPrinter | null): void {
    this.#ports = { ...this.#ports, systemPrinter: printer };
  }

  // ── settings ────────────────────────────────────────────────────────────────────────────────────────────────

  settings(): PrintOutcome<PrintSettings> {
    return readPrintSettings(this.#db);
  }

  /**
   * Saves a printer setup (checked with PrintSettingsSchema). Jobs of a document whose printer changed move to the
   * new printer: queued ones, and failed ones whose failure was the printer setup (no printer, refused, unusable).
   */
  setSettings(input: unknown): PrintOutcome<PrintSettings> {
    const next = parsePrintSettings(input);
    if (!next.ok) return next;
    const before = readPrintSettings(this.#db);
    const now = this.#now();
    this.#db.transaction(() => {
      writePrintSettings(this.#db, next.value, now);
      for (const document of ['relabel', 'return-slip'] as const) {
        const target = next.value.printers[document];
        const old = before.ok ? before.value.printers[document] : undefined;
        if (old !== undefined && JSON.stringify(old) === JSON.stringify(target)) continue;
        for (const row of movableJobs(this.#db, document)) {
          if (isDamaged(row)) continue;
          if (row.state === 'failed' && !PRINTER_SETUP_CODES.has(row.last_error_code ?? '')) continue;
          if (target === null) markFailed(this.#db, row.job_id, now, 'NO_PRINTER', `No printer is set up for the ${document}: choose one in printer setup.`);
          else retarget(this.#db, row.job_id, storedTarget(target), now);
        }
      }
    })();
    this.#changed();
    return next;
  }

  // ── enqueueing (synchronous) ─────────────────────────────────────────────────────────────────────────────────

  /**
   * After a verdict: one job per document the settings' autoPrint names for the decision (none is fine). A
   * document that cannot be made is returned in `notQueued` and logged, never dropped silently.
   * Idempotent per requestId: calling again with the same id returns the same jobs.
   */
  enqueueForVerdict(requestId: string, intake: IntakeView, basis: string | null = null): PrintOutcome<AutoPrintResult> {
    if (intake.verdict === null) return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${intake.scan.tracking} has no verdict to print for.`);
    const settings = this.settings();
    if (!settings.ok) return settings;
    const decision = intake.verdict.decision;
    const result: AutoPrintResult = { jobs: [], notQueued: [] };
    this.#db.transaction(() => {
      for (const document of settings.value.autoPrint[decision]) {
        const job = this.#enqueue(requestId, intake, document, 'auto', settings.value, basis);
        if (job.ok) result.jobs.push(job.value);
        else {
          result.notQueued.push({ document, ...job.error });
          recordPrintEvent(this.#db, intake.intakeId, 'DOCUMENT_NOT_PRINTED', { document, decision, code: job.error.code, message: job.error.message }, this.#now());
        }
      }
    })();
    this.#changed();
    return printOk(result);
  }

  /** Prints one document for a parcel now ("Print" button: reason 'manual') or again from its history ('reprint'). */
  enqueueDocument(
    requestId: string, intake: IntakeView, document: DocumentKind, reason: Exclude<JobReason, 'auto'>, basis: string | null = null,
  ): PrintOutcome<PrintJobView> {
    const settings = this.settings();
    if (!settings.ok) return settings;
    const job = this.#db.transaction(() => this.#enqueue(requestId, intake, document, reason, settings.value, basis))();
    this.#changed();
    return job;
  }

  /**
   * A reprint starts from the document last made for the parcel (its stored model, with the next copy number) while
   * that document is still valid; a void one is refused with the reason. Without an earlier job the document is
   * made from the intake as it is now.
   */
  #reprintModel(intake: IntakeView, document: DocumentKind, copy: number, basis: string | null): PrintOutcome<{ model: DocumentModel; basis: string | null }> | null {
    const latest = latestDocumentJob(this.#db, intake.intakeId, document);
    if (latest === null) return null;
    if (isDamaged(latest)) return damaged(latest);
    if (latest.voided_at !== null) {
      return printFail('DOCUMENT_VOIDED', `The last ${document} of this parcel is void (${latest.void_reason ?? 'its verdict changed'}): it cannot be printed again. Print the document for the parcel's new verdict instead.`);
    }
    if (isPurgedDocument(latest)) return printFail('DOCUMENT_UNAVAILABLE', PURGED_DOCUMENT_MESSAGE);
    const model = jobModel({ model_json: latest.model_json, mark: null });
    if (model === null) return printFail('JOB_DAMAGED', `The ${document} stored for this parcel cannot be read back, so it cannot be printed again.`);
    return printOk({ model: { ...model, copy }, basis: latest.basis ?? basis });
  }

  #enqueue(
    requestId: string, intake: IntakeView, document: DocumentKind, reason: JobReason, settings: PrintSettings, basis: string | null,
    voidSlip?: { readonly of: PrintJobRow },
  ): PrintOutcome<PrintJobView> {
    const existing = jobOfRequest(this.#db, requestId, document);
    if (existing !== null) return isDamaged(existing) ? damaged(existing) : printOk(toJobView(existing));
    const now = this.#now();
    const copy = voidSlip === undefined ? nextCopy(this.#db, intake.intakeId, document) : voidSlip.of.copy_no;
    let made: PrintOutcome<{ model: DocumentModel; basis: string | null }>;
    if (voidSlip !== undefined && isPurgedDocument(voidSlip.of)) {
      made = printFail('DOCUMENT_UNAVAILABLE', PURGED_DOCUMENT_MESSAGE);
    } else if (voidSlip !== undefined) {
      const model = jobModel({ model_json: voidSlip.of.model_json, mark: 'VOID' });
      made = model === null ? printFail('JOB_DAMAGED', `The ${document} to void cannot be read back, so no VOID slip can be printed for it.`) : printOk({ model, basis: null });
    } else {
      const fromHistory = reason === 'reprint' ? this.#reprintModel(intake, document, copy, basis) : null;
      made = fromHistory ?? (() => {
        const model = documentModelFor(this.#db, intake, document, this.#station(), now, copy);
        return model.ok ? printOk({ model: model.value, basis }) : model;
      })();
    }
    if (!made.ok) return made;
    const model = made.value.model;
    const layout = layoutDocument(model);
    if (!layout.ok) return layout;
    const target = settings.printers[document];
    const jobId = randomUUID();
    const error = target === null ? { code: 'NO_PRINTER' as const, message: `No printer is set up for the ${document}: choose one in printer setup, then it prints.` } : null;
    const mark = voidSlip === undefined ? null : 'VOID' as const;
    insertJob(this.#db, {
      jobId, requestId, intakeId: intake.intakeId, document, reason, copy, subject: subjectOf(model), modelJson: JSON.stringify({ ...model, mark: undefined }),
      target: target === null ? null : storedTarget(target), state: target === null ? 'failed' : 'queued', error, at: now,
      basis: made.value.basis, mark, voidsJobId: voidSlip?.of.job_id ?? null,
    });
    if (target !== null) waitBehindPrinter(this.#db, jobId, targetKey(target));
    recordPrintEvent(this.#db, intake.intakeId, 'DOCUMENT_QUEUED', {
      jobId, document, reason, copy, subject: subjectOf(model), printer: target === null ? null : describeTarget(target), waitingFor: error?.code ?? null,
      ...(mark === null ? {} : { mark, voids: voidSlip?.of.job_id }),
    }, now);
    const row = getJob(this.#db, jobId);
    return row === null || isDamaged(row) ? printFail('JOB_DAMAGED', `Print job ${jobId} could not be read back after saving.`) : printOk(toJobView(row));
  }

  // ── voiding (synchronous, inside the transaction that changes the verdict) ──────────────────────────────────

  /**
   * The parcel's facts changed (`basis`, null: the parcel is cancelled): every document made from other facts is
   * void. One not yet printed is never sent; one printed gets a VOID slip when the settings ask for it. Returns the
   * voided jobs. Idempotent: a voided job stays voided, and its VOID slip is made once.
   */
  voidStale(intake: IntakeView, basis: string | null, reason: string): PrintOutcome<PrintJobView[]> {
    const settings = this.settings();
    if (!settings.ok) return settings;
    const voided: PrintJobView[] = [];
    const now = this.#now();
    this.#db.transaction(() => {
      for (const row of liveJobsOfIntake(this.#db, intake.intakeId)) {
        if (isDamaged(row) || (basis !== null && row.basis === basis)) continue;
        markVoided(this.#db, row.job_id, now, reason);
        recordPrintEvent(this.#db, intake.intakeId, 'DOCUMENT_VOIDED', { jobId: row.job_id, document: row.document, copy: row.copy_no, state: row.state, reason }, now);
        const printed = row.state === 'done' || row.state === 'sending';
        if (printed && settings.value.voidSlip) {
          const slip = this.#enqueue(`void:${row.job_id}`, intake, row.document, 'auto', settings.value, null, { of: row });
          if (!slip.ok) {
            recordPrintEvent(this.#db, intake.intakeId, 'DOCUMENT_NOT_PRINTED', { document: row.document, voids: row.job_id, code: slip.error.code, message: slip.error.message }, now);
          }
        }
        const after = getJob(this.#db, row.job_id);
        if (after !== null && !isDamaged(after)) voided.push(toJobView(after));
      }
    })();
    if (voided.length > 0) this.#changed();
    return printOk(voided);
  }

  /** Every document of one parcel, oldest first (the card lists them with their state and void mark). */
  documentsOf(intakeId: string): PrintJobView[] {
    return jobsOfIntake(this.#db, intakeId).filter((r): r is PrintJobRow => !isDamaged(r)).map(toJobView);
  }

  // ── people acting on jobs ────────────────────────────────────────────────────────────────────────────────────

  /** Queues a queued or failed job again now, on the printer now set up for its document. */
  retry(jobId: string): PrintOutcome<PrintJobView> {
    const row = this.#row(jobId);
    if (!row.ok) return row;
    if (row.value.voided_at !== null) {
      return printFail('DOCUMENT_VOIDED', `This ${row.value.document} is void (${row.value.void_reason ?? 'its verdict changed'}): it is not printed.`);
    }
    if (row.value.state !== 'queued' && row.value.state !== 'failed') {
      return printFail('JOB_STATE', `Job ${jobId} is ${row.value.state}; only queued or failed jobs can be retried.`);
    }
    const settings = this.settings();
    if (!settings.ok) return settings;
    const target = settings.value.printers[row.value.document];
    if (target === null) return printFail('NO_PRINTER', `No printer is set up for the ${row.value.document}: choose one in printer setup.`);
    const now = this.#now();
    const stored = storedTarget(target);
    this.#db.transaction(() => {
      if (stored.json === row.value.target_json) requeueNow(this.#db, jobId, now);
      else retarget(this.#db, jobId, stored, now);
      // The person says the printer is back: every job waiting for it is tried now.
      wakeJobsOfPrinter(this.#db, stored.key, now);
    })();
    this.#changed();
    return this.#view(jobId);
  }

  /** Browser printing: a person says whether the page printed. Not printed: it stays waiting. */
  confirmHandoff(jobId: string, printed: boolean): PrintOutcome<PrintJobView> {
    const row = this.#row(jobId);
    if (!row.ok) return row;
    if (row.value.state !== 'handoff') return printFail('JOB_STATE', `Job ${jobId} is ${row.value.state}, not waiting for the browser.`);
    if (printed) {
      const now = this.#now();
      this.#db.transaction(() => {
        markDone(this.#db, jobId, now, null, row.value.payload === null ? null : bodyHash(row.value.payload));
        recordPrintEvent(this.#db, row.value.intake_id, 'DOCUMENT_PRINTED', printedEventPayload(row.value, null, 'person'), now);
      })();
      this.#changed();
    }
    return this.#view(jobId);
  }

  /** The page of a job for the browser's print dialog. */
  async content(jobId: string): Promise<PrintOutcome<{ jobId: string; title: string; html: string }>> {
    const row = this.#row(jobId);
    if (!row.ok) return row;
    if (row.value.voided_at !== null) return printFail('DOCUMENT_VOIDED', `This ${row.value.document} is void (${row.value.void_reason ?? 'its verdict changed'}): do not print it.`);
    if (isPurgedDocument(row.value)) return printFail('DOCUMENT_UNAVAILABLE', PURGED_DOCUMENT_MESSAGE);
    const model = jobModel(row.value);
    if (model === null) return printFail('JOB_DAMAGED', `Print job ${jobId} holds a document the station cannot read.`);
    const doc = await renderDocument(model, { format: 'html' });
    if (!doc.ok) return doc;
    return printOk({ jobId, title: doc.value.title, html: new TextDecoder().decode(doc.value.bytes) });
  }

  async printTest(targetInput: unknown, operator: string): Promise<PrintOutcome<TestLabelResult>> {
    const target = PrinterTargetSchema.safeParse(targetInput);
    if (!target.success) return printFail('SETTINGS_INVALID', `Printer: ${target.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return sendTestLabel(target.data, this.#station(), operator, this.#now(), this.#ports);
  }

  async listPrinters(): Promise<{ cups: string[] | null; system: SystemPrinterInfo[] | null }> {
    const [cups, system] = await Promise.all([listCupsPrinters(), this.#ports.systemPrinter?.listPrinters() ?? Promise.resolve(null)]);
    return { cups, system };
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** Open jobs (oldest first) and the `recentDone` most recent printed ones; for one parcel: its print history. */
  status(intakeId?: string, recentDone = this.#recentDone): PrintQueueStatus {
    const rows = visibleJobs(this.#db, recentDone, intakeId);
    return {
      counts: jobCounts(this.#db, intakeId),
      jobs: rows.filter((r): r is PrintJobRow => !isDamaged(r)).map(toJobView),
      damaged: rows.filter(isDamaged).map((r) => ({ jobId: r.jobId, problem: r.problem })),
    };
  }

  job(jobId: string): PrintOutcome<PrintJobView> {
    return this.#view(jobId);
  }

  #row(jobId: string): PrintOutcome<PrintJobRow> {
    const row = getJob(this.#db, jobId);
    if (row === null) return printFail('JOB_NOT_FOUND', `No print job ${jobId} on this station.`);
    return isDamaged(row) ? damaged(row) : printOk(row);
  }

  #view(jobId: string): PrintOutcome<PrintJobView> {
    const row = this.#row(jobId);
    return row.ok ? printOk(toJobView(row.value)) : row;
  }

  // ── the worker ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Something changed: wake the worker and tell listeners, both after the current transaction has committed. */
  #changed(): void {
    setImmediate(() => this.#wake());
    this.#notify();
  }

  #notify(): void {
    if (this.#notifyPending || this.#listeners.size() === 0) return;
    this.#notifyPending = true;
    setImmediate(() => {
      this.#notifyPending = false;
      // A stopped queue tells no one: its database may already be closed.
      if (this.#stopped) return;
      let status: PrintQueueStatus;
      try {
        status = this.status();
      } catch (error) {
        this.#log(`status not readable: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      this.#listeners.emit(status);
    });
  }

  #wake(): void {
    if (!this.#running) return;
    if (this.#active !== null) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#active = this.#drain()
      .catch((error: unknown) => this.#recover(error))
      .finally(() => {
        this.#active = null;
        if (this.#again) {
          this.#again = false;
          this.#wake();
        } else this.#sleep();
      });
  }

  #sleep(): void {
    if (!this.#running) return;
    let next: number | null;
    try {
      next = earliestAttempt(this.#db);
    } catch (error) {
      this.#log(`queue not readable: ${error instanceof Error ? error.message : String(error)}`);
      next = this.#now() + this.#retry.capMs;
    }
    if (next === null) return;
    const delay = Math.min(Math.max(0, next - this.#now()), MAX_SLEEP_MS);
    this.#timer = setTimeout(() => this.#wake(), delay);
  }

  async #drain(): Promise<void> {
    while (this.#running) {
      const row = dueJob(this.#db, this.#now());
      if (row === null) return;
      if (isDamaged(row)) {
        markFailed(this.#db, row.jobId, this.#now(), 'JOB_DAMAGED', `The job cannot be read back: ${row.problem}`);
        this.#notify();
        continue;
      }
      await runJob(this.#runner, row);
    }
  }

  /** A SQLite failure inside the worker: logged; a job left "sending" is queued again and the worker retries later. */
  #recover(error: unknown): void {
    this.#log(`worker stopped by an error, retrying in ${this.#retry.capMs} ms: ${error instanceof Error ? error.message : String(error)}`);
    try {
      requeueInterrupted(this.#db, this.#now() + this.#retry.capMs);
    } catch {
      // The next start() requeues it.
    }
  }
}

