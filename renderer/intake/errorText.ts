/**
 * What the worker reads when a command fails: the UI switches on the typed code; the station's message adds detail.
 */
import type { StationErrorData } from '../../shared/contract/result.ts';
import { PRINT_ERROR_CODES } from '../../shared/printing/printErrors.ts';

export interface ErrorNotice {
  readonly title: string;
  readonly detail: string;
  /** Ask the worker to scan again (bad check digit, unknown label). */
  readonly rescan: boolean;
}

const PRINT_CODES: ReadonlySet<string> = new Set(PRINT_ERROR_CODES);

export function errorNotice(error: StationErrorData): ErrorNotice {
  if (PRINT_CODES.has(error.code)) return { title: 'Printing problem — the job stays in the print queue', detail: error.message, rescan: false };
  switch (error.code) {
    case 'INVALID_CHECK_DIGIT':
      return { title: 'Check digit wrong — rescan the label', detail: error.message, rescan: true };
    case 'UNKNOWN_BARCODE':
      return { title: 'Label not recognised — rescan or type it', detail: error.message, rescan: true };
    case 'SCALE_DISCONNECTED':
      return { title: 'No scale connected', detail: error.message, rescan: false };
    case 'SCALE_UNSTABLE':
      return { title: 'Weight not steady yet', detail: error.message, rescan: false };
    case 'INVALID_STATE':
      return { title: 'Not now', detail: error.message, rescan: false };
    case 'STORAGE_FULL':
      return { title: 'Disk full — nothing was saved', detail: error.message, rescan: false };
    case 'STORAGE_FAILED':
    case 'DATABASE_TOO_NEW':
      return { title: 'Station storage problem — call a supervisor', detail: error.message, rescan: false };
    case 'INVALID_REQUEST':
    case 'RULE_REJECTED':
      return { title: 'Check what you entered', detail: error.message, rescan: false };
    case 'SCALE_NOT_SIMULATED':
    case 'NOT_FOUND':
    case 'UNKNOWN_COMMAND':
    case 'UNAUTHORIZED':
    case 'INTERNAL':
    default:
      return { title: 'Something went wrong', detail: error.message, rescan: false };
  }
}
