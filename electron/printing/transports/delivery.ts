/**
 * What a transport reports after sending one document.
 */
import type { PrintOutcome } from '../../../shared/printing/printErrors.ts';

export interface Delivery {
  /** The spooler's job id when a spooler took the document (CUPS "Office-42"), else null. */
  readonly spoolerJob: string | null;
  /** True when the far end acknowledged the whole document (the printer closed the connection after reading it,
   *  the device accepted every byte, the spooler or Electron reported success). False: every byte was handed to
   *  the operating system without an error, but the printer did not close the connection to say it read them. */
  readonly confirmed: boolean;
}

export type SendResult = PrintOutcome<Delivery>;

/** Node's error code of a failed system call ("ECONNREFUSED"), or "" when there is none. */
export function systemErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
