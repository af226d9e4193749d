/**
 * Every error the station can return to the UI. The UI switches on the code; the message is for people.
 */
import { PRINT_ERROR_CODES } from '../printing/printErrors.ts';

export const ERROR_CODES = [
  /** The request did not match the contract's schema. */
  'INVALID_REQUEST',
  /** A command name the station does not know. */
  'UNKNOWN_COMMAND',
  /** The transport refused the caller (bad token, wrong origin, wrong frame). */
  'UNAUTHORIZED',
  /** The scan is not a label format the station knows. */
  'UNKNOWN_BARCODE',
  /** The scan looks like a known format but its check digit is wrong: rescan. */
  'INVALID_CHECK_DIGIT',
  /** The command is not allowed in the current intake state (e.g. a verdict before a weight). */
  'INVALID_STATE',
  /** The intake named does not exist. */
  'NOT_FOUND',
  /** No scale is connected. */
  'SCALE_DISCONNECTED',
  /** The scale has no stable, positive weight to capture. */
  'SCALE_UNSTABLE',
  /** The weight on the scale is the previous parcel's, still on the platform (shared/scale/weightInterlock.ts). */
  'SCALE_PREVIOUS_LOAD',
  /** The requested device action needs the simulated scale. */
  'SCALE_NOT_SIMULATED',
  /** The rules refused the input (e.g. dimensions outside what a station accepts at all). */
  'RULE_REJECTED',
  /** The disk is full: nothing was written, the command can be retried once space is freed. */
  'STORAGE_FULL',
  /** The database could not be written for another reason. */
  'STORAGE_FAILED',
  /** The station database comes from a newer version of the app. */
  'DATABASE_TOO_NEW',
  /** The station database fails its check (damaged, or an empty file): restore a backup (electron/db/). */
  'DATABASE_CORRUPT',
  /** The station database is gone although this data folder belonged to a registered station: restore a backup. */
  'DATABASE_MISSING',
  /** The station database or its folder cannot be written (permissions, read-only disk). */
  'DATABASE_READ_ONLY',
  /** A new intake was given an intake id another intake already has (a client bug or a replayed screen). */
  'INTAKE_ID_IN_USE',
  /** The clock is too far from HQ's time, or before every rate card starts: a date-dependent verdict would be wrong. */
  'CLOCK_SKEW',
  /** A bug: the station logged details (the error's logId finds the line). */
  'INTERNAL',
  /** The screen got no answer from the station in time (the station stopped, hangs, or the connection is down). */
  'STATION_UNREACHABLE',
  /** The connection sent more commands than a bench does; wait a moment and try again (electron/host/). */
  'RATE_LIMITED',
  /** Nobody is signed in at this station: the command needs an operator. */
  'SIGN_IN_REQUIRED',
  /** The command needs a lead and the person signed in is an operator. */
  'LEAD_ONLY',
  /** Sign-in refused: unknown id, wrong PIN, or an operator who was disabled (one answer for all three). */
  'SIGN_IN_FAILED',
  /** Too many wrong PINs for this id: sign-in waits a minute. */
  'SIGN_IN_LOCKED',
  /** An operator with this id already exists on the station. */
  'OPERATOR_EXISTS',
  /** The change would leave the station without an active lead. */
  'LAST_LEAD',
  /** The parcel already has as many damage photos as it may (shared/contract/photosLimits.ts). */
  'PHOTO_LIMIT_REACHED',
  /** A damage photo was not kept: not a JPEG or PNG, too large, or its bytes arrived damaged (take it again). */
  'PHOTO_REFUSED',
  /** Printing: the printer is offline, timed out, not set up, … (shared/printing/printErrors.ts). */
  ...PRINT_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
