/**
 * The station's sync with HQ: one loop that pushes the outbox and pulls reference data, driven by time and
 * connectivity — not by new writes (../shared/reference/sync.md §2: the most common stall) — and that never dies: every failure becomes
 * a status and a jittered wait.
 *
 *   idle      → look at the outbox every pollIntervalMs (or at once on nudge()), pull every pullIntervalMs
 *   failure   → wait retryDelayMs(): full jitter in [0, min(cap, base·2^n)), Retry-After as a floor;
 *               when HQ is unreachable, probe GET /v1/health cheaply and retry as soon as it answers;
 *               nudge() retries at once
 *   stop()    → aborts the request in flight and resolves when the loop has ended
 *
 * Status (shared/sync/syncStatus.ts) is emitted on every change.
 */
import type { Database } from 'better-sqlite3';
import type { SyncStatus } from '../../shared/sync/syncStatus.ts';
import type { PullStream } from '../../shared/sync/pullWire.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { SyncConfigSchema } from '../../shared/sync/syncConfig.ts';
import { retryDelayMs } from '../../shared/sync/retryDelay.ts';
import { createHqClient, type HqClient } from './hqClient.ts';
import { StatusEmitter, type SyncStatusListener } from './statusEmitter.ts';
import { Wakeup } from './wakeup.ts';
import { DEFAULT_SYNC_TUNING, type SyncContext, type SyncLog, type SyncTuning } from './syncContext.ts';
import { countsStatus, pushOutbox } from './pushOutbox.ts';
import { pullAll } from './pullStreams.ts';
import { lastAck, listDeadLetters, queueCounts, type DeadLetter } from '../db/queries/outbox.ts';
import { quarantineCount } from '../db/queries/streamCursors.ts';
import type { StatusChangedCallback } from './manifestStatusChange.ts';
import type { SyncFailure } from './syncFailure.ts';
import { pinnedCaFetch } from './pinnedCaFetch.ts';
import { uploadDuePhotos, type PhotoUploadOptions } from './photoUpload.ts';

export interface SyncServiceOptions {
  /** The station database, migrated (electron/db openStationDatabase). */
  readonly db: Database;
  readonly stationId: string;
  readonly warehouse: Warehouse;
  /** HQ base URL and this station's token; null = not configured (events wait in the outbox). Validated here. */
  readonly hq: { readonly hqUrl: string; readonly token: string; readonly caFile?: string } | null;
  /** Called after a pulled page changed a manifest's consignee-ID or duty status (committed). */
  readonly onStatusChanged?: StatusChangedCallback;
  /** Called after a stream's local copy changed (e.g. to reload rate cards); also after a reset. */
  readonly onReferenceDataChanged?: (stream: PullStream) => void;
  /** Called with HQ's time (its Date header) at each answer: station time (electron/holds/stationClock.ts) learns it. */
  readonly onServerTime?: (hqTime: number) => void;
  readonly log?: SyncLog;
  /** The data directory: damage photos there are sent to HQ after their events (photoUpload.ts); absent: none sent. */
  readonly dataDir?: string;
  readonly tuning?: Partial<SyncTuning>;
  /** Test seams. */
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly random?: () => number;
}

export interface SyncService {
  /** Starts the loop (no-op if running or not configured). */
  start(): void;
  /** Stops the loop; resolves once the request in flight is aborted and nothing more will be written. */
  stop(): Promise<void>;
  getStatus(): SyncStatus;
  /** Listener gets the current status at once, then every change. Returns unsubscribe. */
  subscribe(listener: SyncStatusListener): () => void;
  /** New events were written, or the network came back: push now, without waiting for the next poll or the backoff. */
  nudge(): void;
  /** Pull reference data at the next chance instead of waiting for pullIntervalMs. */
  requestPull(): void;
  /** Events HQ refused for good, for a person to look at. */
  listDeadLetters(limit?: number): DeadLetter[];
  /** Pulled items this station could not read (kept in sync_quarantine). */
  quarantinedCount(): number;
  /** Resolves when the loop next reaches idle with an empty outbox (tests, shutdown drains). */
  whenIdle(timeoutMs: number): Promise<boolean>;
}

function onlineAfter(f: SyncFailure): boolean | null {
  if (f.kind === 'offline' || f.kind === 'timeout') return false;
  if (f.kind === 'storage' || f.kind === 'aborted') return null;
  return true;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const tuning: SyncTuning = { ...DEFAULT_SYNC_TUNING, ...options.tuning };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log: SyncLog = options.log ?? (() => undefined);
  const { db } = options;

  let client: HqClient | null = null;
  let photoUpload: PhotoUploadOptions | null = null;
  let configError: string | null = null;
  if (options.hq) {
    const cfg = SyncConfigSchema.safeParse(options.hq);
    if (cfg.success) {
      if (options.dataDir !== undefined) {
        const photoFetch = options.fetch ?? (cfg.data.caFile ? pinnedCaFetch(cfg.data.caFile) : fetch);
        photoUpload = { db, dataDir: options.dataDir, hqUrl: cfg.data.hqUrl, token: cfg.data.token, fetch: photoFetch, requestTimeoutMs: tuning.requestTimeoutMs, policy: tuning, now, random, log };
      }
      client = createHqClient({ hqUrl: cfg.data.hqUrl, token: cfg.data.token, ...(cfg.data.caFile ? { caFile: cfg.data.caFile } : {}), requestTimeoutMs: tuning.requestTimeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.onServerTime ? { onServerTime: options.onServerTime } : {}), now });
    } else {
      configError = `HQ settings are not valid: ${cfg.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    }
  }

  const counts = { ...queueCounts(db), ...lastAck(db) };
  const emitter = new StatusEmitter(
    {
      configured: client !== null,
      online: null,
      phase: 'idle',
      pending: counts.pending,
      dead: counts.dead,
      lastAckSeq: counts.lastAckSeq,
      lastAckAt: counts.lastAckAt,
      progress: null,
      lastError: configError,
      nextAttemptAt: null,
    },
    (err) => log('error', `sync status listener failed: ${err instanceof Error ? err.message : String(err)}`),
  );

  const wakeup = new Wakeup();
  let running = false;
  let abort = new AbortController();
  let loopDone: Promise<void> = Promise.resolve();
  let pullRequested = true;
  let idleWaiters: Array<() => void> = [];

  function makeContext(c: HqClient): SyncContext {
    return {
      db,
      client: c,
      stationId: options.stationId,
      warehouse: options.warehouse,
      tuning,
      signal: abort.signal,
      now,
      log,
      isRunning: () => running,
      report: (patch) => emitter.update(patch),
      onStatusChanged: options.onStatusChanged,
      onReferenceDataChanged: options.onReferenceDataChanged,
    };
  }

  async function cycle(ctx: SyncContext, wantPull: boolean): Promise<{ ok: true; pulled: boolean } | { ok: false; failure: SyncFailure }> {
    let firstFailure: SyncFailure | null = null;
    try {
      const push = await pushOutbox(ctx);
      if (!push.ok) firstFailure = push.failure;
      else if (photoUpload !== null) await uploadDuePhotos(photoUpload, ctx.signal); // each photo keeps its own backoff
    } catch (err) {
      firstFailure = { kind: 'storage', message: `Outbox error: ${err instanceof Error ? err.message : String(err)}`, retryAfterMs: null };
    }
    // A push that fails for a reason other than the network must not freeze downloads (../shared/reference/sync.md §1.1, powersync-native#15).
    const pushBlocksPull = firstFailure !== null && (firstFailure.kind === 'offline' || firstFailure.kind === 'timeout' || firstFailure.kind === 'aborted' || firstFailure.kind === 'auth');
    let pulled = false;
    if (wantPull && !pushBlocksPull && running) {
      try {
        const pull = await pullAll(ctx);
        if (pull.ok) pulled = true;
        else firstFailure ??= pull.failure;
      } catch (err) {
        firstFailure ??= { kind: 'storage', message: `Pull error: ${err instanceof Error ? err.message : String(err)}`, retryAfterMs: null };
      }
    }
    return firstFailure ? { ok: false, failure: firstFailure } : { ok: true, pulled };
  }

  /** Waits `delayMs`; while HQ is unreachable, probes it and returns early when it answers. */
  async function waitAfterFailure(c: HqClient, f: SyncFailure, delayMs: number): Promise<void> {
    const deadline = now() + delayMs;
    if (f.kind !== 'offline') {
      await wakeup.wait(delayMs);
      return;
    }
    while (running) {
      const left = deadline - now();
      if (left <= 0) return;
      const step = Math.min(left, Math.max(50, Math.floor(tuning.probeIntervalMs * (0.5 + random() / 2))));
      if (await wakeup.wait(step)) return;
      if (!running || deadline - now() <= 0) return;
      const probe = await c.health(abort.signal, tuning.probeTimeoutMs);
      if (probe.ok) {
        log('info', 'HQ answers again: retrying now');
        return;
      }
    }
  }

  async function loop(c: HqClient): Promise<void> {
    const ctx = makeContext(c);
    let failures = 0;
    let lastPullAt = Number.NEGATIVE_INFINITY;
    while (running) {
      const wantPull = pullRequested || now() - lastPullAt >= tuning.pullIntervalMs;
      if (wantPull) pullRequested = false;
      const r = await cycle(ctx, wantPull);
      if (!running) break;
      if (r.ok) {
        failures = 0;
        if (r.pulled) lastPullAt = now();
        const c2 = countsStatus(ctx);
        emitter.update({ ...c2, phase: 'idle', progress: null, nextAttemptAt: null, lastError: null });
        if (c2.pending === 0) {
          const w = idleWaiters;
          idleWaiters = [];
          for (const resolve of w) resolve();
        }
        await wakeup.wait(tuning.pollIntervalMs);
        continue;
      }
      const f = r.failure;
      if (f.kind === 'aborted') break;
      if (wantPull && !r.ok) pullRequested = true; // the pull did not finish: try it again with the next attempt
      const delay = retryDelayMs({ attempt: failures, retryAfterMs: f.retryAfterMs }, tuning, random);
      failures++;
      log(f.kind === 'offline' ? 'info' : 'warn', `sync attempt failed (${f.kind}): ${f.message}; next try in ${Math.round(delay)} ms`);
      emitter.update({ ...countsStatus(ctx), phase: 'waiting', online: onlineAfter(f) ?? emitter.get().online, lastError: f.message, nextAttemptAt: now() + delay, progress: null });
      await waitAfterFailure(c, f, delay);
    }
  }

  return {
    start() {
      if (running || !client) return;
      running = true;
      abort = new AbortController();
      pullRequested = true;
      const c = client;
      loopDone = loop(c).catch((err: unknown) => {
        // Only a bug gets here (every step returns failures); surface it rather than die silently.
        log('error', `sync loop crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        emitter.update({ phase: 'idle', lastError: `Sync stopped by an internal error: ${err instanceof Error ? err.message : String(err)}` });
        running = false;
      });
    },
    async stop() {
      if (!running) return loopDone;
      running = false;
      abort.abort();
      wakeup.wake();
      await loopDone;
      emitter.update({ phase: 'idle', progress: null, nextAttemptAt: null });
    },
    getStatus: () => emitter.get(),
    subscribe: (listener) => emitter.subscribe(listener),
    nudge() {
      // Without HQ nothing drains the outbox, but the screen still shows how much waits in it.
      if (!client) emitter.update(queueCounts(db));
      wakeup.wake();
    },
    requestPull() {
      pullRequested = true;
      wakeup.wake();
    },
    listDeadLetters: (limit) => listDeadLetters(db, limit),
    quarantinedCount: () => quarantineCount(db),
    whenIdle(timeoutMs) {
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          idleWaiters = idleWaiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        idleWaiters.push(done);
        wakeup.wake();
      });
    },
  };
}
