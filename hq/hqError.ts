/**
 * The one error type HQ code throws. `code` is what reaches the client (hqErrors.ts in shared/sync); the HTTP layer
 * maps codes to statuses in one place (server/errorReply.ts).
 */
import type { HqErrorCode } from '../shared/sync/hqErrors.ts';

export class HqError extends Error {
  readonly code: HqErrorCode;
  readonly expectedSeq: number | undefined;
  /** Seconds the client should wait (RATE_LIMITED): sent as Retry-After. */
  readonly retryAfterS: number | undefined;

  constructor(code: HqErrorCode, message: string, expectedSeq?: number, retryAfterS?: number) {
    super(message);
    this.name = 'HqError';
    this.code = code;
    this.expectedSeq = expectedSeq;
    this.retryAfterS = retryAfterS;
  }
}
