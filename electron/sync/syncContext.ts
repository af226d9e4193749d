/** What the push and pull steps share with the service that runs them. */
import type { Database } from 'better-sqlite3';
import type { HqClient } from './hqClient.ts';
import type { SyncStatus } from '../../shared/sync/syncStatus.ts';
import type { PullStream } from '../../shared/sync/pullWire.ts';
import type { StatusChangedCallback } from './manifestStatusChange.ts';

export interface SyncTuning {
  /** Most events in one push. */
  readonly batchMaxEvents: number;
  /** Rough byte bound of one push body. */
  readonly batchMaxBytes: number;
  readonly requestTimeoutMs: number;
  /** Timeout of the connectivity probe (GET /v1/health). */
  readonly probeTimeoutMs: number;
  /** While offline, probe about this often (jittered). */
  readonly probeIntervalMs: number;
  /** While idle, look at the outbox this often (new events are also pushed at once on nudge()). */
  readonly pollIntervalMs: number;
  /** Pull reference data this often (and on start, and on requestPull()). */
  readonly pullIntervalMs: number;
  readonly pullPageLimit: number;
  /** Backoff: full jitter in [0, min(cap, base·2^n)), Retry-After as a floor capped at maxRetryAfterMs. */
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxRetryAfterMs: number;
  readonly streams: readonly PullStream[];
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  batchMaxEvents: 1000,
  batchMaxBytes: 4 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  probeTimeoutMs: 5_000,
  probeIntervalMs: 5_000,
  pollIntervalMs: 2_000,
  pullIntervalMs: 60_000,
  pullPageLimit: 2_000,
  baseMs: 500,
  capMs: 5 * 60_000,
  maxRetryAfterMs: 15 * 60_000,
  streams: ['manifests', 'rateCards', 'prohibitedRules'],
};

export type SyncLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface SyncContext {
  readonly db: Database;
  readonly client: HqClient;
  readonly stationId: string;
  readonly warehouse: string;
  readonly tuning: SyncTuning;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly log: SyncLog;
  readonly isRunning: () => boolean;
  readonly report: (patch: Partial<SyncStatus>) => void;
  readonly onStatusChanged: StatusChangedCallback | undefined;
  readonly onReferenceDataChanged: ((stream: PullStream) => void) | undefined;
}
