/**
 * Why a sync step failed, sorted so the loop can decide what to do:
 *   offline   no connection to HQ (refused, reset, DNS): wait with backoff, probe cheaply, retry at once on recovery
 *   timeout   HQ did not answer within the request timeout
 *   http      HQ (or something in between) answered an error status; retryAfterMs carries Retry-After if any
 *   auth      401/403: the token is wrong, revoked, or for another station
 *   gap       HQ expects another sequence number (expectedSeq)
 *   conflict  HQ holds different events under this station's numbers
 *   malformed HQ's answer did not match the API schema (nothing is applied)
 *   storage   the station's own database failed while applying an answer (nothing half-applied: one transaction)
 *   aborted   the service is stopping
 */
import type { HqErrorCode } from '../../shared/sync/hqErrors.ts';

export const SYNC_FAILURE_KINDS = ['offline', 'timeout', 'http', 'auth', 'gap', 'conflict', 'malformed', 'storage', 'aborted'] as const;
export type SyncFailureKind = (typeof SYNC_FAILURE_KINDS)[number];

export interface SyncFailure {
  readonly kind: SyncFailureKind;
  readonly message: string;
  readonly status?: number;
  readonly code?: HqErrorCode;
  readonly retryAfterMs: number | null;
  readonly expectedSeq?: number;
}

export type HqResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SyncFailure };

export function failure(kind: SyncFailureKind, message: string, extra: Partial<Omit<SyncFailure, 'kind' | 'message'>> = {}): HqResult<never> {
  return { ok: false, failure: { kind, message, retryAfterMs: null, ...extra } };
}
