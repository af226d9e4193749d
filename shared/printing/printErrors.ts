/**
 * Why a print did not happen, as codes the UI and the queue switch on. `retryable` failures leave the job queued
 * (the printer is offline, busy or out of paper: it will come back); the others need a person (a wrong printer
 * name, a document that cannot be made) and put the job in the failed list, where it can be retried by hand.
 */
export const PRINT_ERROR_CODES = [
  /** Nothing answers at the printer's address or device (connection refused, host unreachable, no such device). */
  'PRINTER_OFFLINE',
  /** The printer did not accept or finish the data in time. */
  'PRINTER_TIMEOUT',
  /** The printer answered that it cannot print now: paper out, paused, head open, ribbon out. */
  'PRINTER_NOT_READY',
  /** The connection broke while the document was being sent. */
  'PRINTER_IO_ERROR',
  /** The printing system refused the job (CUPS: unknown printer, queue disabled; Electron: print failed). */
  'PRINTER_REJECTED',
  /** This kind of printer cannot be used here (e.g. system printing outside Electron, no `lp` installed). */
  'PRINTER_UNAVAILABLE',
  /** No printer is set up for this document. */
  'NO_PRINTER',
  /** The document cannot be made for this parcel (no waybill, no weight, no return reason …). */
  'DOCUMENT_UNAVAILABLE',
  /** The barcode text cannot be printed as Code 128 or does not fit the label. */
  'BARCODE_INVALID',
  /** The stored print job could not be read back. */
  'JOB_DAMAGED',
  /** The stored printer setup could not be read back (fix it in printer setup; nothing was reset). */
  'SETTINGS_DAMAGED',
  /** The printer setup given is not valid. */
  'SETTINGS_INVALID',
  /** No such print job. */
  'JOB_NOT_FOUND',
  /** The job is not in a state that allows this (e.g. confirming a job that is not waiting for the browser). */
  'JOB_STATE',
  /** The document is void (the parcel's verdict changed after it was made): it is not printed or reprinted. */
  'DOCUMENT_VOIDED',
] as const;
export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<PrintErrorCode> = new Set(['PRINTER_OFFLINE', 'PRINTER_TIMEOUT', 'PRINTER_NOT_READY', 'PRINTER_IO_ERROR']);

export function isRetryable(code: PrintErrorCode): boolean {
  return RETRYABLE.has(code);
}

export interface PrintFailure {
  readonly code: PrintErrorCode;
  /** For people: what happened and what to do. */
  readonly message: string;
}

/** A result that carries a typed failure instead of throwing. */
export type PrintOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PrintFailure };

export function printOk<T>(value: T): PrintOutcome<T> {
  return { ok: true, value };
}

export function printFail<T = never>(code: PrintErrorCode, message: string): PrintOutcome<T> {
  return { ok: false, error: { code, message } };
}
