/**
 * Stations push through a proxy that injects every fault the issue names — HQ down, 500, 503 with Retry-After,
 * timeouts, answers lost after HQ committed, duplicated and reordered (stale, late) requests — while they keep
 * writing events. Afterwards HQ holds every event exactly once and every station queue is drained.
 */
import { afterEach, expect, it } from 'vitest';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { startFaultProxy, type FaultAction, type FaultProxy } from '../../support/faultProxy.ts';
import { openTestStationDb, outboxStates, writeEvents, eventIds, type TestStationDb } from './stationHarness.ts';
import { hqHoldings, makeService, startTestHq, waitForStatus } from './syncHarness.ts';
import type { SyncService } from '../../../electron/sync/createSyncService.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';
import type { Warehouse } from '../../../shared/manifest/destinations.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A fixed, repeating schedule: every fault kind appears several times among the first 120 requests. */
const SCHEDULE: FaultAction[] = [
  { kind: 'forward' },
  { kind: 'status', status: 500, body: 'boom' },
  { kind: 'dropResponse' },
  { kind: 'duplicate', copies: 2 },
  { kind: 'hang' },
  { kind: 'delayForward' },
  { kind: 'status', status: 503, headers: { 'retry-after': '1' } },
  { kind: 'forward' },
  { kind: 'reset' },
  { kind: 'dropResponse' },
  { kind: 'status', status: 502 },
  { kind: 'duplicate', copies: 1 },
];
const FAULTY_REQUESTS = 120;

describeEachBackend('sync under injected faults', (h) => {
  it('delivers every event exactly once and drains every queue', { timeout: 120_000 }, async () => {
    const hq: RunningHq = await startTestHq(h.db);
    let proxy: FaultProxy | null = null;
    proxy = await startFaultProxy(hq.url, ({ n, path }) => {
      if (n > FAULTY_REQUESTS || path.startsWith('/v1/health')) return { kind: 'forward' };
      return SCHEDULE[n % SCHEDULE.length] ?? { kind: 'forward' };
    });
    cleanups.push(async () => {
      await proxy?.close();
      await hq.close();
    });
    const stations: Array<{ id: string; wh: Warehouse; db: TestStationDb; service: SyncService }> = [];
    for (const [id, wh] of [['LAX-11', 'LAX'], ['CHI-12', 'CHI'], ['LAX-13', 'LAX']] as const) {
      const { token } = await createStationToken(h.db, { stationId: id, warehouse: wh });
      const db = openTestStationDb();
      const service = makeService(db.db, { hqUrl: proxy.url, token }, id, wh, {
        tuning: { batchMaxEvents: 7, requestTimeoutMs: 400, pullIntervalMs: 3_600_000, streams: [] },
        log: (level, m) => { if (process.env['SYNC_DEBUG']) console.log(Date.now() % 100000, id, level, m); },
      });
      stations.push({ id, wh, db, service });
      cleanups.push(async () => {
        await service.stop();
        db.close();
      });
    }
    const retryAfterSeen: number[] = [];
    for (const s of stations) {
      s.service.subscribe((st) => {
        if (st.phase === 'waiting' && st.nextAttemptAt !== null && /503/.test(st.lastError ?? '')) retryAfterSeen.push(st.nextAttemptAt - Date.now());
      });
      s.service.start();
    }

    // Keep writing while the faults happen; take HQ down (connection refused) for a while in the middle.
    for (let round = 0; round < 6; round++) {
      for (const s of stations) {
        writeEvents(s.db.db, s.id, 9);
        s.service.nudge();
      }
      if (round === 2) {
        await proxy.setDown(true);
        await waitForStatus(stations[0]!.service, (st) => st.online === false, 10_000);
        await proxy.setDown(false);
        for (const s of stations) s.service.nudge();
      }
      await new Promise((r) => setImmediate(r));
    }

    // Faults end after FAULTY_REQUESTS requests; every queue must drain.
    for (const s of stations) {
      await waitForStatus(s.service, (st) => st.pending === 0 && st.lastAckSeq === 54, 60_000);
    }
    // Stale copies arrive after everything else (reordered, late duplicates): HQ must not change.
    const late = await proxy.flushHeld();
    expect(proxy.stats['delayForward'] ?? 0).toBeGreaterThan(0);
    expect(late).toBe(proxy.stats['delayForward']);

    for (const s of stations) {
      const held = await hqHoldings(h.db, s.id);
      expect(held.lastSeq).toBe(54);
      expect(held.rejected).toBe(0);
      expect([...held.copies.values()].every((c) => c === 1)).toBe(true);
      expect(held.bySeq).toEqual(eventIds(s.db.db));
      expect(outboxStates(s.db.db)).toEqual({ acked: 54 });
      expect(s.service.getStatus()).toMatchObject({ pending: 0, dead: 0 });
    }
    const total = await h.db.query<{ n: unknown }>('SELECT count(*) AS n FROM station_events');
    expect(Number(total.rows[0]?.n)).toBe(3 * 54);
    for (const kind of ['status', 'dropResponse', 'duplicate', 'hang', 'reset', 'delayForward']) expect(proxy.stats[kind] ?? 0).toBeGreaterThan(0);
    // 503 + Retry-After: 1 → the next attempt was scheduled at least ~1 s out (floor), not by jitter alone.
    expect(retryAfterSeen.length).toBeGreaterThan(0);
    expect(Math.max(...retryAfterSeen)).toBeGreaterThan(900);
  });
});
