/**
 * The events printing writes to the station's event log (and so to HQ through the outbox), each in the same
 * transaction as the job change it reports:
 *   DOCUMENT_QUEUED         a job was made (auto after a verdict, by hand, or a reprint)
 *   DOCUMENT_PRINTED        the printer (or spooler, or a person for browser printing) took it
 *   DOCUMENT_PRINT_DELAYED  its first try failed for a reason that passes (printer offline …); it is retried
 *   DOCUMENT_PRINT_HANDOFF  waiting for a person to print it from the browser
 *   DOCUMENT_PRINT_FAILED   it needs a person (no printer set up, printer refused, document cannot be made)
 *   DOCUMENT_NOT_PRINTED    an automatic print after a verdict could not even be queued (e.g. no waybill)
 *   DOCUMENT_VOIDED         the parcel's verdict or measurements changed: the document no longer matches it
 * Retries after the first are not logged one by one: the job row keeps the count and the last error.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { appendEvent } from '../station/eventLog.ts';

export type PrintEventType =
  | 'DOCUMENT_QUEUED'
  | 'DOCUMENT_PRINTED'
  | 'DOCUMENT_PRINT_DELAYED'
  | 'DOCUMENT_PRINT_HANDOFF'
  | 'DOCUMENT_PRINT_FAILED'
  | 'DOCUMENT_NOT_PRINTED'
  | 'DOCUMENT_VOIDED';

/** Appends one printing event; call inside the transaction that changes the job. */
export function recordPrintEvent(db: Database, intakeId: string, type: PrintEventType, payload: Record<string, unknown>, at: number): void {
  appendEvent(db, { intakeId, commandId: randomUUID(), type, payload, at });
}
