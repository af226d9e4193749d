/**
 * What the worker reads when a command fails: the UI switches on the typed code. Every code has a plain title that
 * says what to do next; the station's message (written for people, shared/contract: the dispatcher never lets a
 * command name or schema wording through) adds the detail, except for codes whose message is meant for support
 * (a refused caller, an unknown command): those get fixed words.
 */
import type { ErrorCode } from '../../shared/contract/errorCodes.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import { PRINT_ERROR_CODES, type PrintErrorCode } from '../../shared/printing/printErrors.ts';

export interface ErrorNotice {
  readonly title: string;
  readonly detail: string;
  /** Ask the worker to scan again (bad check digit, unknown label). */
  readonly rescan: boolean;
}

interface CodeText {
  readonly title: string;
  /** Fixed words in place of the station's message (for codes whose message is not for a worker). */
  readonly detail?: string;
  readonly rescan?: boolean;
}

const SUPERVISOR = 'Call a supervisor if it happens again.';

const CODE_TEXT: Readonly<Record<Exclude<ErrorCode, PrintErrorCode>, CodeText>> = {
  INVALID_CHECK_DIGIT: { title: 'Label misread — scan it again', rescan: true },
  UNKNOWN_BARCODE: { title: 'Label not recognised — scan it again or type the number', rescan: true },
  SCALE_DISCONNECTED: { title: 'No scale connected — check its cable, or type the weight' },
  SCALE_UNSTABLE: { title: 'Weight not steady yet — let the parcel settle' },
  SCALE_PREVIOUS_LOAD: { title: 'The scale still shows the last parcel — take it off, then put this one on' },
  SCALE_NOT_SIMULATED: { title: 'Only the demo scale can do that', detail: 'This station has a real scale: put the parcel on it.' },
  INVALID_STATE: { title: 'Not yet — finish the step shown on the card' },
  INVALID_REQUEST: { title: 'Check what you typed' },
  RULE_REJECTED: { title: 'Check what you typed' },
  NOT_FOUND: { title: 'That parcel is not on this station — scan it again' },
  STORAGE_FULL: { title: 'Disk full — nothing was saved. Call a supervisor' },
  STORAGE_FAILED: { title: 'Station storage problem — nothing was saved. Call a supervisor' },
  DATABASE_TOO_NEW: { title: 'This station needs the newer app — call a supervisor' },
  DATABASE_CORRUPT: { title: 'The station database is damaged — nothing was saved. Call a supervisor' },
  DATABASE_MISSING: { title: 'The station database is missing — nothing was saved. Call a supervisor' },
  DATABASE_READ_ONLY: { title: 'The station cannot write its database — nothing was saved. Call a supervisor' },
  CLOCK_SKEW: { title: 'The station clock is wrong — call a supervisor before deciding parcels' },
  INTAKE_ID_IN_USE: { title: 'That intake was already used — start a new intake and scan again' },
  INTERNAL: { title: 'Something went wrong on the station — try again' },
  UNKNOWN_COMMAND: { title: 'The screen and the station do not match', detail: `Reload the page (Ctrl+R). ${SUPERVISOR}` },
  UNAUTHORIZED: { title: 'This screen is not allowed to talk to the station', detail: `Open the station page again from the station's start-up message. ${SUPERVISOR}` },
  STATION_UNREACHABLE: { title: 'The station is not answering — nothing was recorded', detail: 'Wait a moment: the screen reconnects by itself. Then do the last step again.' },
  RATE_LIMITED: { title: 'Too fast — wait a moment', detail: 'Wait two seconds, then do the last step again.' },
  SIGN_IN_REQUIRED: { title: 'Sign in first — nobody is signed in at this station', detail: 'Type your operator id and PIN on the sign-in screen, then do it again.' },
  LEAD_ONLY: { title: 'Only a lead can do this', detail: 'Ask a lead to sign in at this station. Nothing was changed.' },
  SIGN_IN_FAILED: { title: 'Operator id and PIN do not match — type them again', detail: 'Check your id, then type your PIN again. Forgot your PIN? A lead can give you a new one.' },
  SIGN_IN_LOCKED: { title: 'Too many wrong PINs — wait a minute' },
  OPERATOR_EXISTS: { title: 'That operator id is taken — choose another' },
  LAST_LEAD: { title: 'The station needs at least one lead' },
  PHOTO_LIMIT_REACHED: { title: 'This parcel has all its photos (3)', detail: 'Nothing more to take: carry on with the parcel.' },
  PHOTO_REFUSED: { title: 'The photo was not kept — take it again' },
};

const PRINT_CODES: ReadonlySet<string> = new Set(PRINT_ERROR_CODES);
const PRINT_TEXT: CodeText = { title: 'Printing problem — the job waits in the print queue' };

function textOf(code: ErrorCode): CodeText {
  return PRINT_CODES.has(code) ? PRINT_TEXT : CODE_TEXT[code as Exclude<ErrorCode, PrintErrorCode>];
}

export function errorNotice(error: StationErrorData): ErrorNotice {
  const text = textOf(error.code);
  return { title: text.title, detail: text.detail ?? error.message, rescan: text.rescan ?? false };
}

/** Which input an error belongs beside (the request path the station named), if any. */
export function errorField(error: StationErrorData | null): string | null {
  return error?.field ?? null;
}
