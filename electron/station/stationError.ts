import type { ErrorCode } from '../../shared/contract/errorCodes.ts';

/** An expected failure with a code the UI switches on. Thrown inside the station core, returned as a Result. */
export class StationError extends Error {
  readonly code: ErrorCode;
  /** The input the error concerns (a request field such as 'length'), when there is one. */
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'StationError';
    this.code = code;
    this.field = field;
  }
}

/** Maps a SQLite failure to a station error: a full disk is told apart, since freeing space fixes it. */
export function storageError(error: unknown): StationError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') {
    return new StationError('STORAGE_FULL', 'The disk is full: nothing was saved. Free some space and try again.');
  }
  const text = error instanceof Error ? error.message : '';
  if ((code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') && text.includes('intakes.intake_id')) {
    return new StationError('INTAKE_ID_IN_USE', 'This intake number is already used by another parcel: nothing was saved. Start a new intake and scan again.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StationError('STORAGE_FAILED', `The station database could not be written (${detail}). Nothing was saved.`);
}
