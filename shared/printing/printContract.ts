/**
 * The station-contract entries for printing: the print commands and events, spread into shared/contract
 * (commands.ts PRINT_COMMANDS, events.ts PRINT_EVENTS). The handlers are one line each over PrintQueue
 * (electron/printing/printQueue.ts).
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from './documentKinds.ts';
import { PrintJobViewSchema, PrintQueueStatusSchema } from './printJob.ts';
import { PrintSettingsSchema, PrinterTargetSchema } from './printerSettings.ts';
import { PRINT_ERROR_CODES } from './printErrors.ts';

const commandId = z.string().uuid();
const intakeId = z.string().uuid();
const jobId = z.string().uuid();

export const PrintTestResultSchema = z.object({
  printer: z.string(),
  /** Time from the call to the printer accepting the label, ms. */
  durationMs: z.number().int().nonnegative(),
  /** Set for CUPS: the spooler's job id ("Office-42"). */
  spoolerJob: z.string().nullable(),
  /** Browser print: the station cannot print it; the UI prints this page with the browser's dialog. */
  handoffHtml: z.string().nullable(),
});

export const PrinterListSchema = z.object({
  /** CUPS queues (`lpstat -e`), or null when CUPS's `lpstat` is not installed. */
  cups: z.array(z.string()).nullable(),
  /** Electron's system printers, or null outside Electron. */
  system: z.array(z.object({ name: z.string(), displayName: z.string() })).nullable(),
});

export const PRINT_COMMANDS = {
  /** The queue: open jobs and recent done ones, optionally for one parcel (its print history). */
  'print.queue': {
    request: z.object({ intakeId: intakeId.optional(), limit: z.number().int().min(1).max(200).default(50) }),
    response: PrintQueueStatusSchema,
  },
  /** Print a document for the open parcel now (the "Print" button; the state machine's `print`). */
  'print.document': {
    request: z.object({ commandId, intakeId, document: z.enum(DOCUMENT_KINDS) }),
    response: PrintJobViewSchema,
  },
  /** Print a document again from the parcel's history (a new job, marked REPRINT n). */
  'print.reprint': {
    request: z.object({ commandId, intakeId, document: z.enum(DOCUMENT_KINDS) }),
    response: PrintJobViewSchema,
  },
  /** Queue a queued or failed job again now, with the printer set up now for its document. */
  'print.retry': { request: z.object({ jobId }), response: PrintJobViewSchema },
  /** Browser mode: the page for a job waiting in `handoff`, to print with the browser's dialog. */
  'print.content': {
    request: z.object({ jobId }),
    response: z.object({ jobId, title: z.string(), html: z.string() }),
  },
  /** Browser mode: a person says whether the handoff job printed (true → done; false → back to handoff later). */
  'print.confirm': { request: z.object({ jobId, printed: z.boolean() }), response: PrintJobViewSchema },
  /** Sends a test label straight to a printer (not queued); an error code says why it did not print. */
  'print.test': { request: z.object({ target: PrinterTargetSchema }), response: PrintTestResultSchema },
  'printer.list': { request: z.object({}), response: PrinterListSchema },
  'printer.get': { request: z.object({}), response: PrintSettingsSchema },
  'printer.set': { request: PrintSettingsSchema, response: PrintSettingsSchema },
} as const;

/** Event stream `printQueue`: the queue after every change. */
export const PRINT_EVENTS = { printQueue: PrintQueueStatusSchema } as const;

/** Error codes to add to shared/contract/errorCodes.ts (the queue's failures cross the contract as these). */
export const PRINT_CONTRACT_ERROR_CODES = PRINT_ERROR_CODES;
