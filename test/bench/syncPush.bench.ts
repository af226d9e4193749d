/**
 * Drain 100 000 queued station events into HQ on PostgreSQL (goal ≥ 20 000 events/s), beside the raw database rate
 * for the same rows (the same INSERT … jsonb_to_recordset … ON CONFLICT statement, same batch size, one transaction
 * per batch, no HTTP, no station). Also the same drain into PGlite (the embedded default, NodeFS data dir), for
 * reference. HQ runs in its own process (`hq/cli/main.ts serve`), as in production; the station (better-sqlite3,
 * synchronous=FULL) runs in this one. The PostgreSQL server is a throwaway cluster with its durable defaults.
 */
import type { BenchRow } from './benchTypes.ts';
import { startPostgresCluster } from '../support/postgresCluster.ts';
import { openHqDb } from '../../hq/db/openHqDb.ts';
import type { HqDb } from '../../hq/db/hqDb.ts';
import { createStationToken } from '../../hq/auth/stationTokens.ts';
import { startHqProcess, readToken } from '../integration/sync/hqProcess.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSyncService } from '../../electron/sync/createSyncService.ts';
import { openTestStationDb, writeEvents } from '../integration/sync/stationHarness.ts';
import { readPendingEvents } from '../../electron/db/queries/outbox.ts';

const EVENTS = 100_000;
const BATCH = Number(process.env["BENCH_BATCH"] ?? 2000);

async function drain(dbArgs: string[], stationId: string, check: () => Promise<number>): Promise<{ seconds: number; events: number }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ecms-bench-'));
  const tokenFile = path.join(tmp, 'station.token');
  const hq = await startHqProcess([...dbArgs, '--port', '0', '--ensure-station', `${stationId}:LAX`, '--token-file', tokenFile]);
  const station = openTestStationDb();
  try {
    writeEvents(station.db, stationId, EVENTS, (i) => ({ n: i, tracking: `1Z999AA1${String(i).padStart(8, '0')}`, weightQ: 23_223_929_344_000, operator: 'bench' }));
    const service = createSyncService({
      db: station.db,
      stationId,
      warehouse: 'LAX',
      hq: { hqUrl: hq.url, token: readToken(tokenFile) },
      tuning: { batchMaxEvents: BATCH, pollIntervalMs: 50, streams: [] },
    });
    const t0 = performance.now();
    service.start();
    const ok = await service.whenIdle(300_000);
    const seconds = (performance.now() - t0) / 1000;
    await service.stop();
    await hq.stop();
    const n = await check();
    if (!ok || n !== EVENTS) throw new Error(`drain incomplete: ${n} of ${EVENTS}`);
    return { seconds, events: EVENTS };
  } finally {
    station.close();
    await hq.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same rows, straight into the same table with the same statement: the database's own rate. */
async function rawInsert(db: HqDb, stationId: string): Promise<number> {
  await createStationToken(db, { stationId, warehouse: 'LAX' });
  const station = openTestStationDb({ synchronous: 'OFF' });
  try {
    writeEvents(station.db, stationId, EVENTS, (i) => ({ n: i, tracking: `1Z999AA1${String(i).padStart(8, '0')}`, weightQ: 23_223_929_344_000, operator: 'bench' }));
    const rows = readPendingEvents(station.db, EVENTS);
    const batches: string[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      batches.push(
        `[${rows
          .slice(i, i + BATCH)
          .map((r) => `{"station_id":${JSON.stringify(stationId)},"seq":${r.seq},"event_id":${JSON.stringify(r.event_id)},"command_id":${JSON.stringify(r.command_id)},"intake_id":${JSON.stringify(r.intake_id)},"type":${JSON.stringify(r.type)},"payload":${r.payload},"captured_at":${r.captured_at}}`)
          .join(',')}]`,
      );
    }
    const t0 = performance.now();
    for (const json of batches) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO station_events (station_id, seq, event_id, command_id, intake_id, type, payload, captured_at)
           SELECT x.station_id, x.seq, x.event_id, x.command_id, x.intake_id, x.type, x.payload, x.captured_at
             FROM jsonb_to_recordset($1::jsonb) AS x(station_id text, seq bigint, event_id text, command_id text, intake_id text, type text, payload jsonb, captured_at bigint)
           ON CONFLICT DO NOTHING RETURNING seq`,
          [json],
        );
      });
    }
    return EVENTS / ((performance.now() - t0) / 1000);
  } finally {
    station.close();
  }
}

async function countEvents(db: HqDb, stationId: string): Promise<number> {
  const n = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1', [stationId]);
  return Number(n.rows[0]?.n);
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const databaseUrl = await cluster.createDatabase('bench_push');
    const db = await openHqDb({ kind: 'postgres', databaseUrl });
    try {
      const raw = await rawInsert(db, 'LAX-RAW');
      const d = await drain(['--database-url', databaseUrl], 'LAX-BENCH', () => countEvents(db, 'LAX-BENCH'));
      const rate = d.events / d.seconds;
      rows.push({ name: 'sync push: drain 100k events → HQ on PostgreSQL 15', value: rate, unit: 'events/s', goal: '≥ 20 000 events/s', met: rate >= 20_000 });
      rows.push({ name: 'sync push: drain 100k events, wall time', value: d.seconds, unit: 's' });
      rows.push({ name: 'sync push: raw PostgreSQL insert, same rows/statement/batches', value: raw, unit: 'rows/s' });
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ecms-bench-pglite-'));
  try {
    const rawDir = path.join(tmp, 'raw');
    const lite = await openHqDb({ kind: 'pglite', dataDir: rawDir });
    let raw: number;
    try {
      raw = await rawInsert(lite, 'LAX-RAW');
    } finally {
      await lite.close();
    }
    const hqDir = path.join(tmp, 'hq');
    const d = await drain(['--data-dir', hqDir], 'LAX-BENCH', async () => {
      const check = await openHqDb({ kind: 'pglite', dataDir: hqDir });
      try {
        return await countEvents(check, 'LAX-BENCH');
      } finally {
        await check.close();
      }
    });
    rows.push({ name: 'sync push: drain 100k events → HQ on PGlite (data dir)', value: d.events / d.seconds, unit: 'events/s' });
    rows.push({ name: 'sync push: raw PGlite insert, same rows/statement/batches', value: raw, unit: 'rows/s' });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
