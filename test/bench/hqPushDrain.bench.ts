/**
 * One station draining its outbox into HQ, with real station payloads (hqRealPayloads.ts: intakes run through the
 * station core, their events repeated under fresh ids), beside the floor: a raw COPY of the same rows into the same
 * table, in the same batches, one transaction each, no HTTP and no station. Reported as events/s and as a ratio to
 * that floor (issue 17 target ≥ 0.8×), measured in alternating rounds so both see the same machine load. On PostgreSQL 15 (a throwaway cluster with its durable defaults) and on
 * PGlite (NodeFS data dir). HQ runs in its own process (`hq serve`), as in production; the station (better-sqlite3,
 * synchronous=FULL) with the app's own sync service and batch size runs in this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './benchTypes.ts';
import { startPostgresCluster } from '../support/postgresCluster.ts';
import { openHqDb } from '../../hq/db/openHqDb.ts';
import type { HqDb } from '../../hq/db/hqDb.ts';
import { copyLine } from '../../hq/db/copyText.ts';
import { createStationToken } from '../../hq/auth/stationTokens.ts';
import { startHqProcess, readToken } from '../integration/sync/hqProcess.ts';
import { createSyncService } from '../../electron/sync/createSyncService.ts';
import { DEFAULT_SYNC_TUNING } from '../../electron/sync/syncContext.ts';
import { openTestStationDb } from '../integration/sync/stationHarness.ts';
import { fillOutbox, realStationEvents, repeatTemplates, type StationEventTemplates } from './hqRealPayloads.ts';

const EVENTS = Number(process.env['BENCH_PUSH_EVENTS'] ?? 100_000);
const COLUMNS = ['station_id', 'seq', 'event_id', 'command_id', 'intake_id', 'type', 'payload', 'captured_at'];

const ROUNDS = 4;

/** Floor and drain in alternating rounds (a quarter of the events each), so that both see the same machine load. */
async function measure(templates: StationEventTemplates, floorDb: HqDb, dbArgs: string[], count: () => Promise<number>): Promise<{ drained: number; raw: number }> {
  const batch = DEFAULT_SYNC_TUNING.batchMaxEvents;
  const perRound = Math.ceil(EVENTS / ROUNDS);
  await createStationToken(floorDb, { stationId: 'LAX-RAW', warehouse: 'LAX' });
  const copies = copyBatches(templates, 'LAX-RAW', batch);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ecms-bench-'));
  const tokenFile = path.join(tmp, 'station.token');
  const hq = await startHqProcess([...dbArgs, '--port', '0', '--ensure-station', 'LAX-BENCH:LAX', '--token-file', tokenFile, '--log-level', 'warn']);
  const station = openTestStationDb();
  const service = createSyncService({ db: station.db, stationId: 'LAX-BENCH', warehouse: 'LAX', hq: { hqUrl: hq.url, token: readToken(tokenFile) }, tuning: { pollIntervalMs: 60_000, streams: [] } });
  let floorMs = 0;
  let drainMs = 0;
  let filled = 0;
  try {
    service.start();
    if (!(await service.whenIdle(60_000))) throw new Error('sync service did not start');
    for (let r = 0; r < ROUNDS; r++) {
      const mine = copies.slice(Math.floor((r * copies.length) / ROUNDS), Math.floor(((r + 1) * copies.length) / ROUNDS));
      let t0 = performance.now();
      for (const rows of mine) await floorDb.transaction((tx) => tx.copyIn('station_events', COLUMNS, rows));
      floorMs += performance.now() - t0;
      const n = Math.min(perRound, EVENTS - filled);
      fillOutbox(station.db, 'LAX-BENCH', templates, n, filled + 1);
      filled += n;
      t0 = performance.now();
      if (!(await service.whenIdle(600_000))) throw new Error('drain did not finish');
      drainMs += performance.now() - t0;
    }
    await service.stop();
    await hq.stop();
    const held = await count();
    if (held !== EVENTS) throw new Error(`drain incomplete: ${held} of ${EVENTS}`);
    return { drained: EVENTS / (drainMs / 1000), raw: EVENTS / (floorMs / 1000) };
  } finally {
    await service.stop();
    station.close();
    await hq.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The floor's rows: the same events as COPY text, one string per push-sized batch. */
function copyBatches(templates: StationEventTemplates, stationId: string, batch: number): string[] {
  const batches: string[] = [];
  let data = '';
  let n = 0;
  for (const e of repeatTemplates(templates, EVENTS)) {
    data += copyLine([stationId, e.seq, e.event_id, e.command_id, e.intake_id, e.type, e.payload, e.captured_at]);
    if (++n % batch === 0) {
      batches.push(data);
      data = '';
    }
  }
  if (data.length > 0) batches.push(data);
  return batches;
}

async function countEvents(db: HqDb, stationId: string): Promise<number> {
  const n = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1', [stationId]);
  return Number(n.rows[0]?.n);
}

function rows(engine: string, drained: number, raw: number): BenchRow[] {
  const ratio = drained / raw;
  return [
    { name: `sync push: drain ${EVENTS / 1000}k real events → HQ on ${engine}`, value: drained, unit: 'events/s' },
    { name: `sync push: raw COPY of the same rows into ${engine} (floor)`, value: raw, unit: 'rows/s' },
    { name: `sync push: drain ÷ raw COPY, ${engine}`, value: ratio, unit: '×', goal: '≥ 0.8× COPY', met: ratio >= 0.8 },
  ];
}

export default async function run(): Promise<BenchRow[]> {
  const templates = await realStationEvents(300);
  const out: BenchRow[] = [{ name: 'sync push: real station payload, mean (demo verdict mix)', value: templates.meanPayloadBytes, unit: 'bytes' }];
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const databaseUrl = await cluster.createDatabase('bench_push');
    const db = await openHqDb({ kind: 'postgres', databaseUrl });
    try {
      const m = await measure(templates, db, ['--database-url', databaseUrl], () => countEvents(db, 'LAX-BENCH'));
      out.push(...rows('PostgreSQL 15', m.drained, m.raw));
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ecms-bench-pglite-'));
  try {
    const floorDb = await openHqDb({ kind: 'pglite', dataDir: path.join(tmp, 'raw') });
    const hqDir = path.join(tmp, 'hq');
    try {
      const m = await measure(templates, floorDb, ['--data-dir', hqDir], async () => {
        const check = await openHqDb({ kind: 'pglite', dataDir: hqDir });
        try {
          return await countEvents(check, 'LAX-BENCH');
        } finally {
          await check.close();
        }
      });
      out.push(...rows('PGlite', m.drained, m.raw));
    } finally {
      await floorDb.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
