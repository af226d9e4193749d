/**
 * SQL for the print queue (table print_jobs, migration 0050). Every function is synchronous and runs inside the
 * caller's transaction when there is one. Rows read back go through parseJobRow (zod).
 */
import type { Database } from 'better-sqlite3';
import type { DocumentKind, PrintFormat } from '../../../shared/printing/documentKinds.ts';
import type { IntakeDocument, JobMark, JobReason, JobState } from '../../../shared/printing/printJob.ts';
import type { PrintErrorCode } from '../../../shared/printing/printErrors.ts';
import { isDamaged, parseJobRow, toJobView, type DamagedRow, type PrintJobRow } from '../../printing/printJobRow.ts';
import { prepared } from '../statementCache.ts';

export interface NewJob {
  readonly jobId: string;
  readonly requestId: string;
  readonly intakeId: string;
  readonly document: DocumentKind;
  readonly reason: JobReason;
  readonly copy: number;
  readonly subject: string;
  readonly modelJson: string;
  readonly target: { readonly json: string; readonly key: string; readonly format: PrintFormat } | null;
  readonly state: Extract<JobState, 'queued' | 'failed'>;
  readonly error: { readonly code: PrintErrorCode; readonly message: string } | null;
  readonly at: number;
  /** The hash of the intake facts the document was made from (null: not made from an intake's verdict). */
  readonly basis: string | null;
  readonly mark: JobMark | null;
  /** A VOID slip: the job it voids. */
  readonly voidsJobId: string | null;
}

export function insertJob(db: Database, job: NewJob): void {
  prepared(db,
    `INSERT INTO print_jobs (job_id, request_id, intake_id, document, reason, copy_no, subject, model_json, target_json, target_key,
       format, payload, state, attempts, next_attempt_at, last_error_code, last_error, created_at, updated_at, basis, mark, voids_job_id)
     VALUES (@jobId, @requestId, @intakeId, @document, @reason, @copy, @subject, @modelJson, @targetJson, @targetKey,
       @format, NULL, @state, 0, @next, @errorCode, @error, @at, @at, @basis, @mark, @voidsJobId)`,
  ).run({
    jobId: job.jobId, requestId: job.requestId, intakeId: job.intakeId, document: job.document, reason: job.reason, copy: job.copy,
    subject: job.subject, modelJson: job.modelJson, targetJson: job.target?.json ?? null, targetKey: job.target?.key ?? null,
    format: job.target?.format ?? null, state: job.state, next: job.state === 'queued' ? job.at : null,
    errorCode: job.error?.code ?? null, error: job.error?.message ?? null, at: job.at, basis: job.basis, mark: job.mark, voidsJobId: job.voidsJobId,
  });
}

/** A new job waits behind the jobs already waiting for the same printer (they keep their order). */
export function waitBehindPrinter(db: Database, jobId: string, targetKey: string): void {
  prepared(db,
    `UPDATE print_jobs SET next_attempt_at = MAX(next_attempt_at,
       COALESCE((SELECT MAX(next_attempt_at) FROM print_jobs WHERE target_key = @key AND state = 'queued' AND job_id <> @jobId), 0))
     WHERE job_id = @jobId`,
  ).run({ jobId, key: targetKey });
}

export function getJob(db: Database, jobId: string): PrintJobRow | DamagedRow | null {
  const raw = prepared(db, 'SELECT * FROM print_jobs WHERE job_id = ?').get(jobId);
  return raw === undefined ? null : parseJobRow(raw);
}

export function jobOfRequest(db: Database, requestId: string, document: DocumentKind): PrintJobRow | DamagedRow | null {
  const raw = prepared(db, 'SELECT * FROM print_jobs WHERE request_id = ? AND document = ?').get(requestId, document);
  return raw === undefined ? null : parseJobRow(raw);
}

export function nextCopy(db: Database, intakeId: string, document: DocumentKind): number {
  const row = prepared(db, 'SELECT MAX(copy_no) AS n FROM print_jobs WHERE intake_id = ? AND document = ?').get(intakeId, document) as { n: number | null };
  return (row.n ?? 0) + 1;
}

/** The oldest queued job that is due, if any (a voided job is never sent). */
export function dueJob(db: Database, now: number): PrintJobRow | DamagedRow | null {
  const raw = prepared(db, "SELECT * FROM print_jobs WHERE state = 'queued' AND voided_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at, rowid LIMIT 1")
    .get(now);
  return raw === undefined ? null : parseJobRow(raw);
}

export function earliestAttempt(db: Database): number | null {
  const row = prepared(db, "SELECT MIN(next_attempt_at) AS t FROM print_jobs WHERE state = 'queued' AND voided_at IS NULL").get() as { t: number | null };
  return row.t;
}

export function markSending(db: Database, jobId: string, at: number): void {
  prepared(db, "UPDATE print_jobs SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE job_id = ?").run(at, jobId);
}

export function storePayload(db: Database, jobId: string, payload: Uint8Array, format: PrintFormat): void {
  prepared(db, 'UPDATE print_jobs SET payload = ?, format = ? WHERE job_id = ?').run(payload, format, jobId);
}

/** Printed: the rendered bytes are dropped and only their hash is kept (the document model stays for a reprint). */
export function markDone(db: Database, jobId: string, at: number, spoolerJob: string | null, bodySha256: string | null): void {
  prepared(db,
    `UPDATE print_jobs SET state = 'done', done_at = @at, updated_at = @at, next_attempt_at = NULL, spooler_job = @spoolerJob,
       payload = NULL, body_sha256 = COALESCE(@bodySha256, body_sha256) WHERE job_id = @jobId`,
  ).run({ jobId, at, spoolerJob, bodySha256 });
}

export function markHandoff(db: Database, jobId: string, at: number): void {
  prepared(db, "UPDATE print_jobs SET state = 'handoff', updated_at = ?, next_attempt_at = NULL WHERE job_id = ?").run(at, jobId);
}

/** Back to the queue after a retryable failure; every job waiting for the same printer waits as long. */
export function markRetry(db: Database, row: PrintJobRow, at: number, nextAt: number, code: PrintErrorCode, message: string): void {
  prepared(db,
    "UPDATE print_jobs SET state = 'queued', next_attempt_at = @nextAt, last_error_code = @code, last_error = @message, updated_at = @at WHERE job_id = @jobId",
  ).run({ jobId: row.job_id, at, nextAt, code, message });
  if (row.target_key !== null) {
    prepared(db, "UPDATE print_jobs SET next_attempt_at = MAX(next_attempt_at, @nextAt) WHERE target_key = @key AND state = 'queued'").run({ key: row.target_key, nextAt });
  }
}

export function markFailed(db: Database, jobId: string, at: number, code: PrintErrorCode, message: string): void {
  prepared(db,
    "UPDATE print_jobs SET state = 'failed', next_attempt_at = NULL, last_error_code = @code, last_error = @message, updated_at = @at WHERE job_id = @jobId",
  ).run({ jobId, at, code, message });
}

/** Points a job at a (new) printer and queues it now; its rendered bytes are dropped (rendered again). */
export function retarget(db: Database, jobId: string, target: NewJob['target'], at: number): void {
  prepared(db,
    `UPDATE print_jobs SET target_json = @json, target_key = @key, format = @format, payload = NULL, state = 'queued', next_attempt_at = @at,
       updated_at = @at WHERE job_id = @jobId`,
  ).run({ jobId, at, json: target?.json ?? null, key: target?.key ?? null, format: target?.format ?? null });
}

/** Queues a job again now (keeps its printer and rendered bytes). */
export function requeueNow(db: Database, jobId: string, at: number): void {
  prepared(db, "UPDATE print_jobs SET state = 'queued', next_attempt_at = @at, updated_at = @at WHERE job_id = @jobId").run({ jobId, at });
}

/**
 * Jobs left "sending" by a station that stopped mid-send go back to the queue: their delivery is in doubt, so they
 * are marked REPRINT (a VOID slip keeps its mark) and rendered again with the word on the label. A voided job is
 * not sent again.
 */
export function requeueInterrupted(db: Database, at: number): number {
  prepared(db,
    `UPDATE print_jobs SET state = 'failed', next_attempt_at = NULL, updated_at = @at, last_error_code = 'PRINTER_IO_ERROR',
       last_error = 'The station stopped while sending this job; it was void by then, so it is not sent again.'
     WHERE state = 'sending' AND voided_at IS NOT NULL`,
  ).run({ at });
  return prepared(db,
      `UPDATE print_jobs SET state = 'queued', next_attempt_at = @at, updated_at = @at, last_error_code = 'PRINTER_IO_ERROR',
         last_error = 'The station stopped while sending this job; it is sent again marked REPRINT (the printer may have printed it once).',
         mark = COALESCE(mark, 'REPRINT'), payload = NULL
       WHERE state = 'sending'`,
    )
    .run({ at }).changes;
}

/** The documents of a parcel that are not void and are not VOID slips themselves (oldest first). */
export function liveJobsOfIntake(db: Database, intakeId: string): Array<PrintJobRow | DamagedRow> {
  return prepared(db, "SELECT * FROM print_jobs WHERE intake_id = ? AND voided_at IS NULL AND (mark IS NULL OR mark <> 'VOID') ORDER BY created_at, rowid")
    .all(intakeId)
    .map(parseJobRow);
}

export function markVoided(db: Database, jobId: string, at: number, reason: string): void {
  prepared(db, 'UPDATE print_jobs SET voided_at = @at, void_reason = @reason, updated_at = @at WHERE job_id = @jobId AND voided_at IS NULL').run({ jobId, at, reason });
}

/** The newest job of one document of a parcel that is not a VOID slip (a reprint starts from it). */
export function latestDocumentJob(db: Database, intakeId: string, document: DocumentKind): PrintJobRow | DamagedRow | null {
  const raw = prepared(db, "SELECT * FROM print_jobs WHERE intake_id = ? AND document = ? AND (mark IS NULL OR mark <> 'VOID') ORDER BY created_at DESC, rowid DESC LIMIT 1")
    .get(intakeId, document);
  return raw === undefined ? null : parseJobRow(raw);
}

/** Every document of a parcel, oldest first (the card's document list). */
export function jobsOfIntake(db: Database, intakeId: string): Array<PrintJobRow | DamagedRow> {
  return prepared(db, 'SELECT * FROM print_jobs WHERE intake_id = ? ORDER BY created_at, rowid').all(intakeId).map(parseJobRow);
}

/** Jobs of one document that are not done or being sent: they move with the printer setup. */
export function movableJobs(db: Database, document: DocumentKind): Array<PrintJobRow | DamagedRow> {
  return prepared(db, "SELECT * FROM print_jobs WHERE document = ? AND state IN ('queued','failed') AND voided_at IS NULL ORDER BY created_at, rowid")
    .all(document)
    .map(parseJobRow);
}

export function jobCounts(db: Database, intakeId?: string): Record<JobState, number> {
  // The station-wide counts are kept by triggers (migration 0100); one parcel's are counted from its index.
  const rows = (
    intakeId === undefined
      ? prepared(db, 'SELECT state, n FROM print_job_counts').all()
      : prepared(db, 'SELECT state, COUNT(*) AS n FROM print_jobs WHERE voided_at IS NULL AND intake_id = @intakeId GROUP BY state').all({ intakeId })
  ) as Array<{ state: JobState; n: number }>;
  const counts: Record<JobState, number> = { queued: 0, sending: 0, handoff: 0, done: 0, failed: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

/** Every job not done (oldest first), then up to `recentDone` done ones (newest first). A voided job that never
 *  printed is listed with the done ones (it waits for nothing). */
export function visibleJobs(db: Database, recentDone: number, intakeId?: string): Array<PrintJobRow | DamagedRow> {
  const where = intakeId === undefined ? '' : 'AND intake_id = @intakeId';
  const params = intakeId === undefined ? { limit: recentDone } : { limit: recentDone, intakeId };
  const open = prepared(db, `SELECT * FROM print_jobs WHERE state <> 'done' AND voided_at IS NULL ${where} ORDER BY created_at, rowid`).all(params);
  const done = prepared(db, `SELECT * FROM print_jobs WHERE (state = 'done' OR voided_at IS NOT NULL) ${where} ORDER BY COALESCE(done_at, voided_at) DESC, rowid DESC LIMIT @limit`)
    .all(params);
  return [...open, ...done].map(parseJobRow);
}

/** The person says the printer is back: every job waiting for it becomes due now. */
export function wakeJobsOfPrinter(db: Database, targetKey: string, at: number): void {
  prepared(db, "UPDATE print_jobs SET next_attempt_at = ? WHERE target_key = ? AND state = 'queued' AND voided_at IS NULL").run(at, targetKey);
}

/** The documents of one parcel for its card (rows that cannot be read back are listed in the print queue only). */
export function intakeDocuments(db: Database, intakeId: string): IntakeDocument[] {
  return jobsOfIntake(db, intakeId)
    .filter((r): r is PrintJobRow => !isDamaged(r))
    .map((r) => {
      const v = toJobView(r);
      return { jobId: v.jobId, document: v.document, copy: v.copy, state: v.state, voided: v.voided, mark: v.mark };
    });
}
