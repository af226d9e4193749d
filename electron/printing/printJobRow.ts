/**
 * A print_jobs row as read back from SQLite, checked with zod (a row is a trust boundary: an older build, a
 * hand edit or a damaged file could have written it), and the row → view mapping for the UI.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, PRINT_FORMATS } from '../../shared/printing/documentKinds.ts';
import { JOB_MARKS, JOB_REASONS, JOB_STATES, type PrintJobView } from '../../shared/printing/printJob.ts';
import { PRINT_ERROR_CODES } from '../../shared/printing/printErrors.ts';
import { PrinterTargetSchema, describeTarget } from '../../shared/printing/printerSettings.ts';

export const PrintJobRowSchema = z.object({
  job_id: z.string(),
  request_id: z.string(),
  intake_id: z.string(),
  document: z.enum(DOCUMENT_KINDS),
  reason: z.enum(JOB_REASONS),
  copy_no: z.number().int().positive(),
  subject: z.string(),
  model_json: z.string(),
  target_json: z.string().nullable(),
  target_key: z.string().nullable(),
  format: z.enum(PRINT_FORMATS).nullable(),
  payload: z.instanceof(Uint8Array).nullable(),
  state: z.enum(JOB_STATES),
  attempts: z.number().int().nonnegative(),
  next_attempt_at: z.number().int().nullable(),
  last_error_code: z.enum(PRINT_ERROR_CODES).nullable(),
  last_error: z.string().nullable(),
  spooler_job: z.string().nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  done_at: z.number().int().nullable(),
  basis: z.string().nullable(),
  voided_at: z.number().int().nullable(),
  void_reason: z.string().nullable(),
  mark: z.enum(JOB_MARKS).nullable(),
  voids_job_id: z.string().nullable(),
  body_sha256: z.string().nullable(),
});
export type PrintJobRow = z.infer<typeof PrintJobRowSchema>;

/** A row that does not parse: kept in the table as it is, shown to people as damaged. */
export interface DamagedRow {
  readonly jobId: string;
  readonly problem: string;
}

export function parseJobRow(raw: unknown): PrintJobRow | DamagedRow {
  const parsed = PrintJobRowSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const jobId = typeof (raw as { job_id?: unknown } | null)?.job_id === 'string' ? (raw as { job_id: string }).job_id : '(unknown)';
  return { jobId, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

export function isDamaged(row: PrintJobRow | DamagedRow): row is DamagedRow {
  return 'problem' in row;
}

export function printerOfRow(row: PrintJobRow): string {
  if (row.target_json === null) return 'No printer set up';
  try {
    const target = PrinterTargetSchema.safeParse(JSON.parse(row.target_json));
    return target.success ? describeTarget(target.data) : 'Damaged printer setting';
  } catch {
    return 'Damaged printer setting';
  }
}

export function toJobView(row: PrintJobRow): PrintJobView {
  return {
    jobId: row.job_id,
    intakeId: row.intake_id,
    document: row.document,
    format: row.format,
    copy: row.copy_no,
    reason: row.reason,
    subject: row.subject,
    printer: printerOfRow(row),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'queued' ? row.next_attempt_at : null,
    lastError: row.last_error_code === null ? null : { code: row.last_error_code, message: row.last_error ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
    voided: row.voided_at === null ? null : { at: row.voided_at, reason: row.void_reason ?? '' },
    mark: row.mark,
    voidsJobId: row.voids_job_id,
  };
}
