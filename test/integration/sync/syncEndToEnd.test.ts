import { afterEach, expect, it } from 'vitest';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import { importReferenceDocs } from '../../../hq/admin/importReference.ts';
import { recordConsigneeId, recordDuties } from '../../../hq/admin/recordStatus.ts';
import { resetStream } from '../../../hq/admin/resetStream.ts';
import { openTestStationDb, outboxStates, writeEvents, eventIds, type TestStationDb } from './stationHarness.ts';
import { hqHoldings, makeService, startTestHq, waitForStatus } from './syncHarness.ts';
import { makeManifest, makeProhibitedDoc, makeRateCardDoc } from './fixtures.ts';
import type { SyncService } from '../../../electron/sync/createSyncService.ts';
import type { SyncStatus } from '../../../shared/sync/syncStatus.ts';
import { SyncStatusSchema } from '../../../shared/sync/syncStatus.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function track(station: TestStationDb, service: SyncService, hq: RunningHq | null): void {
  cleanups.push(async () => {
    await service.stop();
    station.close();
    await hq?.close();
  });
}

describeEachBackend('station sync end to end', (h) => {
  it('drains the outbox, reports every change, and HQ holds each event once', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const station = openTestStationDb();
    writeEvents(station.db, 'LAX-01', 230);
    const statuses: SyncStatus[] = [];
    const service = makeService(station.db, { hqUrl: hq.url, token }, 'LAX-01', 'LAX');
    track(station, service, hq);
    service.subscribe((s) => statuses.push(s));
    expect(statuses[0]).toMatchObject({ configured: true, online: null, pending: 230, phase: 'idle' });
    service.start();
    expect(await service.whenIdle(20_000)).toBe(true);
    const final = service.getStatus();
    expect(final).toMatchObject({ pending: 0, dead: 0, lastAckSeq: 230, online: true, phase: 'idle', progress: null, lastError: null });
    expect(final.lastAckAt).not.toBeNull();
    for (const s of statuses) SyncStatusSchema.parse(s);
    expect(statuses.some((s) => s.phase === 'pushing' && s.progress !== null && s.progress > 0 && s.progress < 1)).toBe(true);
    expect(outboxStates(station.db)).toEqual({ acked: 230 });
    const held = await hqHoldings(h.db, 'LAX-01');
    expect(held.lastSeq).toBe(230);
    expect([...held.copies.values()].every((c) => c === 1)).toBe(true);
    expect(held.bySeq).toEqual(eventIds(station.db));

    writeEvents(station.db, 'LAX-01', 3);
    service.nudge();
    await waitForStatus(service, (s) => s.lastAckSeq === 233 && s.pending === 0);
  });

  it('pulls its warehouse\'s manifests and reference documents, and passes status changes to the station', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    await importManifestEntries(h.db, [...Array.from({ length: 250 }, (_, i) => makeManifest(i, 'LAX')), ...Array.from({ length: 40 }, (_, i) => makeManifest(i, 'CHI'))]);
    await importReferenceDocs(h.db, [makeRateCardDoc('card-a-CN', '1'), makeProhibitedDoc('rules', '1')]);
    const station = openTestStationDb();
    const changes: Array<[string, unknown]> = [];
    const refreshed: string[] = [];
    const service = makeService(station.db, { hqUrl: hq.url, token }, 'LAX-01', 'LAX', {
      onStatusChanged: (waybill, changed) => {
        changes.push([waybill, changed]);
      },
      onReferenceDataChanged: (stream) => refreshed.push(stream),
    });
    track(station, service, hq);
    const sawProgress: number[] = [];
    service.subscribe((s) => {
      if (s.phase === 'pulling' && s.progress !== null) sawProgress.push(s.progress);
    });
    service.start();
    await service.whenIdle(20_000);
    const count = (sql: string) => (station.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM manifests')).toBe(250);
    expect(count("SELECT count(*) AS n FROM manifests WHERE warehouse <> 'LAX'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM manifest_tracking')).toBe(500);
    const m7 = makeManifest(7, 'LAX');
    const byTracking = station.db.prepare('SELECT waybill FROM manifest_tracking WHERE tracking = ?').get(m7.inboundTracking[1]) as { waybill: string };
    expect(byTracking.waybill).toBe(m7.waybill);
    expect(count('SELECT count(*) AS n FROM reference_docs')).toBe(2);
    expect(sawProgress.length).toBeGreaterThan(1);
    expect(refreshed.sort()).toEqual(['manifests', 'prohibitedRules', 'rateCards']);
    expect(changes).toEqual([]);

    await recordConsigneeId(h.db, m7.waybill, 'received');
    await recordDuties(h.db, makeManifest(8, 'LAX').waybill, 'paid');
    service.requestPull();
    await waitForStatus(service, () => changes.length >= 2);
    expect(changes).toEqual([
      [m7.waybill, { consigneeIdStatus: 'received' }],
      [makeManifest(8, 'LAX').waybill, { dutiesStatus: 'paid' }],
    ]);
    const entry = JSON.parse((station.db.prepare('SELECT entry_json FROM manifests WHERE waybill = ?').get(m7.waybill) as { entry_json: string }).entry_json) as Record<string, unknown>;
    expect(entry['consigneeIdStatus']).toBe('received');

    // HQ orders a fresh download: the station drops and downloads again, ending with the same data.
    await resetStream(h.db, 'manifests', 'LAX', 'test');
    refreshed.length = 0;
    service.requestPull();
    await waitForStatus(service, () => refreshed.includes('manifests') && refreshed.filter((s) => s === 'manifests').length >= 2);
    await service.whenIdle(20_000);
    expect(service.quarantinedCount()).toBe(0);
    expect(count('SELECT count(*) AS n FROM manifests')).toBe(250);
    expect(count('SELECT count(*) AS n FROM manifest_tracking')).toBe(500);
  });

  it('moves events HQ refuses for good to the dead letters without blocking the rest', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'CHI-07', warehouse: 'CHI' });
    const station = openTestStationDb();
    writeEvents(station.db, 'CHI-07', 20, (i) => (i === 3 ? '{not json' : i === 11 ? { blob: 'x'.repeat(300_000) } : { i }));
    const service = makeService(station.db, { hqUrl: hq.url, token }, 'CHI-07', 'CHI');
    track(station, service, hq);
    service.start();
    await service.whenIdle(20_000);
    expect(service.getStatus()).toMatchObject({ pending: 0, dead: 2, lastAckSeq: 20 });
    expect(outboxStates(station.db)).toEqual({ acked: 18, dead: 2 });
    expect(service.listDeadLetters().map((d) => [d.seq, d.code])).toEqual([
      [4, 'PAYLOAD_NOT_JSON'],
      [12, 'EVENT_TOO_LARGE'],
    ]);
    const held = await hqHoldings(h.db, 'CHI-07');
    expect(held.rejected).toBe(2);
    expect(held.bySeq.size).toBe(18);
  });

  it('re-sends what HQ lost when HQ was restored from an older backup', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-02', warehouse: 'LAX' });
    const station = openTestStationDb();
    writeEvents(station.db, 'LAX-02', 40);
    const service = makeService(station.db, { hqUrl: hq.url, token }, 'LAX-02', 'LAX');
    track(station, service, hq);
    service.start();
    await service.whenIdle(20_000);
    await h.db.query("DELETE FROM station_events WHERE station_id = 'LAX-02' AND seq > 15");
    await h.db.query("UPDATE stations SET last_seq = 15 WHERE station_id = 'LAX-02'");
    writeEvents(station.db, 'LAX-02', 5);
    service.nudge();
    await waitForStatus(service, (s) => s.pending === 0 && s.lastAckSeq === 45);
    const held = await hqHoldings(h.db, 'LAX-02');
    expect(held.bySeq).toEqual(eventIds(station.db));
  });

  it('waits visibly when HQ holds other events under its numbers (a station database reset)', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-03', warehouse: 'LAX' });
    const old = openTestStationDb();
    writeEvents(old.db, 'LAX-03', 5);
    const first = makeService(old.db, { hqUrl: hq.url, token }, 'LAX-03', 'LAX');
    first.start();
    await first.whenIdle(20_000);
    await first.stop();
    old.close();
    const fresh = openTestStationDb();
    writeEvents(fresh.db, 'LAX-03', 3);
    const service = makeService(fresh.db, { hqUrl: hq.url, token }, 'LAX-03', 'LAX');
    track(fresh, service, hq);
    service.start();
    const s = await waitForStatus(service, (x) => x.phase === 'waiting' && x.lastError !== null);
    expect(s.lastError).toMatch(/different event/);
    expect(s.pending).toBe(3);
    expect(outboxStates(fresh.db)).toEqual({ pending: 3 });
  });
});

it('reports "not configured" and keeps events waiting when no HQ is set', async () => {
  const station = openTestStationDb();
  writeEvents(station.db, 'LAX-09', 2);
  const service = makeService(station.db, null, 'LAX-09', 'LAX');
  service.start();
  expect(service.getStatus()).toMatchObject({ configured: false, pending: 2, online: null, lastError: null });
  // New events are counted as they are written, though nothing sends them.
  writeEvents(station.db, 'LAX-09', 3);
  service.nudge();
  expect(service.getStatus().pending).toBe(5);
  const bad = makeService(station.db, { hqUrl: 'ftp://nowhere', token: 'nope' }, 'LAX-09', 'LAX');
  expect(bad.getStatus()).toMatchObject({ configured: false });
  expect(bad.getStatus().lastError).toMatch(/HQ settings are not valid/);
  await service.stop();
  station.close();
});
