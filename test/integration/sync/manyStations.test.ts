/**
 * 20 stations across LAX and CHI push concurrently (and pull their warehouse's manifests) while writing: the counts
 * at HQ match what each station wrote, and no station sees the other warehouse's manifests.
 */
import { afterEach, expect, it } from 'vitest';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import { openTestStationDb, writeEvents, eventIds, outboxStates, type TestStationDb } from './stationHarness.ts';
import { hqHoldings, makeService, startTestHq } from './syncHarness.ts';
import { makeManifest } from './fixtures.ts';
import type { SyncService } from '../../../electron/sync/createSyncService.ts';
import type { Warehouse } from '../../../shared/manifest/destinations.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const STATIONS = 20;
const ROUNDS = 5;
const PER_ROUND = 30;

describeEachBackend('20 stations at once', (h) => {
  it('HQ counts match what every station wrote', { timeout: 120_000 }, async () => {
    const hq = await startTestHq(h.db);
    cleanups.push(() => hq.close());
    await importManifestEntries(h.db, [...Array.from({ length: 120 }, (_, i) => makeManifest(i, 'LAX')), ...Array.from({ length: 80 }, (_, i) => makeManifest(i, 'CHI'))]);
    const stations: Array<{ id: string; wh: Warehouse; db: TestStationDb; service: SyncService }> = [];
    for (let i = 0; i < STATIONS; i++) {
      const wh: Warehouse = i % 2 === 0 ? 'LAX' : 'CHI';
      const id = `${wh}-S${String(i).padStart(2, '0')}`;
      const { token } = await createStationToken(h.db, { stationId: id, warehouse: wh });
      const db = openTestStationDb({ synchronous: 'OFF' });
      const service = makeService(db.db, { hqUrl: hq.url, token }, id, wh, { tuning: { batchMaxEvents: 40, streams: ['manifests'] } });
      stations.push({ id, wh, db, service });
      cleanups.push(async () => {
        await service.stop();
        db.close();
      });
    }
    for (const s of stations) s.service.start();
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of stations) {
        writeEvents(s.db.db, s.id, PER_ROUND);
        s.service.nudge();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const idle = await Promise.all(stations.map((s) => s.service.whenIdle(90_000)));
    expect(idle.every(Boolean)).toBe(true);

    const perStation = await h.db.query<{ station_id: string; n: unknown }>('SELECT station_id, count(*) AS n FROM station_events GROUP BY station_id');
    expect(perStation.rows).toHaveLength(STATIONS);
    for (const r of perStation.rows) expect(Number(r.n)).toBe(ROUNDS * PER_ROUND);
    for (const s of stations) {
      const held = await hqHoldings(h.db, s.id);
      expect(held.lastSeq).toBe(ROUNDS * PER_ROUND);
      expect(held.bySeq).toEqual(eventIds(s.db.db));
      expect(outboxStates(s.db.db)).toEqual({ acked: ROUNDS * PER_ROUND });
      const m = s.db.db.prepare('SELECT warehouse, count(*) AS n FROM manifests GROUP BY warehouse').all();
      expect(m).toEqual([{ warehouse: s.wh, n: s.wh === 'LAX' ? 120 : 80 }]);
    }
  });
});
