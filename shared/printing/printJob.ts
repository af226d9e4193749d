/**
 * A print job as the UI sees it, and the queue's summary.
 *   queued   waiting for its first try or its next retry (nextAttemptAt)
 *   sending  being sent now
 *   handoff  waiting for a person to print it from the browser's print dialog (browser mode)
 *   done     delivered to the printer (ZPL: all bytes accepted; CUPS: accepted by the spooler; Electron: the print
 *            call reported success; browser: a person confirmed)
 *   failed   needs a person: a wrong printer name, a printer the station cannot use, a damaged job. Never dropped:
 *            "Retry" queues it again (with the printer set up now).
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, PRINT_FORMATS } from './documentKinds.ts';
import { PRINT_ERROR_CODES } from './printErrors.ts';

export const JOB_STATES = ['queued', 'sending', 'handoff', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_REASONS = ['auto', 'manual', 'reprint'] as const;
export type JobReason = (typeof JOB_REASONS)[number];

/**
 * A word printed on the label besides the copy number:
 *   REPRINT  the station stopped while sending this job, so it is sent again and may print twice: the second
 *            print says so
 *   VOID     the slip that voids an earlier label of the parcel (a print setting, off by default)
 */
export const JOB_MARKS = ['REPRINT', 'VOID'] as const;
export type JobMark = (typeof JOB_MARKS)[number];

/** A document that no longer matches its parcel: the verdict or measurements changed after it was made. */
export const JobVoidSchema = z.object({ at: z.number().int(), reason: z.string() });
export type JobVoid = z.infer<typeof JobVoidSchema>;

export const PrintJobViewSchema = z.object({
  jobId: z.string(),
  intakeId: z.string(),
  document: z.enum(DOCUMENT_KINDS),
  /** The format rendered for its printer; null while no printer is set up for the document. */
  format: z.enum(PRINT_FORMATS).nullable(),
  /** 1 for the first print of this document for this parcel, 2 for the first reprint, … */
  copy: z.number().int().positive(),
  reason: z.enum(JOB_REASONS),
  /** What the document is for, e.g. the waybill or the return reference. */
  subject: z.string(),
  /** The printer in words, e.g. "ZPL 203 dpi at 192.168.1.50:9100". */
  printer: z.string(),
  state: z.enum(JOB_STATES),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nullable(),
  lastError: z.object({ code: z.enum(PRINT_ERROR_CODES), message: z.string() }).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  doneAt: z.number().int().nullable(),
  /** Set once the document is void: it is not sent if it was still waiting, and must not be used if printed. */
  voided: JobVoidSchema.nullable(),
  mark: z.enum(JOB_MARKS).nullable(),
  /** A VOID slip: the job whose label it voids. */
  voidsJobId: z.string().nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

/** One document of a parcel as its card shows it: what it is, whether it printed, and whether it is void. */
export const IntakeDocumentSchema = PrintJobViewSchema.pick({ jobId: true, document: true, copy: true, state: true, voided: true, mark: true });
export type IntakeDocument = z.infer<typeof IntakeDocumentSchema>;

export const PrintQueueStatusSchema = z.object({
  counts: z.object({ queued: z.number().int(), sending: z.number().int(), handoff: z.number().int(), done: z.number().int(), failed: z.number().int() }),
  /** Every job not done (oldest first), then the most recent done ones. */
  jobs: z.array(PrintJobViewSchema),
  /** Rows that could not be read back: kept in the database untouched, listed here so a person sees them. */
  damaged: z.array(z.object({ jobId: z.string(), problem: z.string() })),
});
export type PrintQueueStatus = z.infer<typeof PrintQueueStatusSchema>;
