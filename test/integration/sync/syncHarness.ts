/** Starting HQ on 127.0.0.1 for a test, and a station sync service with test-speed timings. */
import type { Database } from 'better-sqlite3';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { buildHqServer, listenHq, type RunningHq } from '../../../hq/server/buildHqServer.ts';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../../../electron/sync/createSyncService.ts';
import type { SyncTuning } from '../../../electron/sync/syncContext.ts';
import type { SyncStatus } from '../../../shared/sync/syncStatus.ts';
import type { Warehouse } from '../../../shared/manifest/destinations.ts';
import { toInt } from '../../../hq/db/sqlValues.ts';

export async function startTestHq(db: HqDb): Promise<RunningHq> {
  return listenHq(buildHqServer({ db }), '127.0.0.1', 0);
}

export const FAST_TUNING: Partial<SyncTuning> = {
  batchMaxEvents: 50,
  requestTimeoutMs: 5_000,
  probeTimeoutMs: 500,
  probeIntervalMs: 100,
  pollIntervalMs: 100,
  pullIntervalMs: 60_000,
  pullPageLimit: 100,
  baseMs: 20,
  capMs: 300,
  maxRetryAfterMs: 2_000,
};

export function makeService(
  db: Database,
  hq: { hqUrl: string; token: string } | null,
  stationId: string,
  warehouse: Warehouse,
  extra: Partial<SyncServiceOptions> = {},
): SyncService {
  return createSyncService({ ...extra, db, stationId, warehouse, hq, tuning: { ...FAST_TUNING, ...extra.tuning } });
}

/** Waits (event-driven) until the service reports a status matching `pred`; fails after `timeoutMs`. */
export function waitForStatus(service: SyncService, pred: (s: SyncStatus) => boolean, timeoutMs = 20_000): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    let unsub: (() => void) | null = null;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      unsub?.();
      reject(new Error(`status not reached within ${timeoutMs} ms; last: ${JSON.stringify(service.getStatus())}`));
    }, timeoutMs);
    unsub = service.subscribe((s) => {
      if (done || !pred(s)) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => unsub?.());
      resolve(s);
    });
  });
}

/** Event ids HQ holds for a station by seq, and how often each seq appears (stored + rejected). */
export async function hqHoldings(db: HqDb, stationId: string): Promise<{ bySeq: Map<number, string>; copies: Map<number, number>; rejected: number; lastSeq: number }> {
  const rows = await db.query<{ seq: unknown; event_id: string }>('SELECT seq, event_id FROM station_events WHERE station_id = $1', [stationId]);
  const rej = await db.query<{ seq: unknown }>('SELECT seq FROM rejected_events WHERE station_id = $1', [stationId]);
  const st = await db.query<{ last_seq: unknown }>('SELECT last_seq FROM stations WHERE station_id = $1', [stationId]);
  const bySeq = new Map<number, string>();
  const copies = new Map<number, number>();
  for (const r of rows.rows) {
    const s = toInt(r.seq, 'seq');
    bySeq.set(s, r.event_id);
    copies.set(s, (copies.get(s) ?? 0) + 1);
  }
  for (const r of rej.rows) {
    const s = toInt(r.seq, 'seq');
    copies.set(s, (copies.get(s) ?? 0) + 1);
  }
  return { bySeq, copies, rejected: rej.rows.length, lastSeq: st.rows[0] ? toInt(st.rows[0].last_seq, 'last_seq') : 0 };
}
