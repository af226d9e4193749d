/**
 * Pull 1 000 000 manifest rows from HQ (PostgreSQL) into a fresh station (goal ≤ 30 s), beside the raw database rates
 * for the same rows: HQ reading them in the same pages (no HTTP), and the station's SQLite storing them with the same
 * statements and page transactions (no HTTP, no validation). The station database runs with the app's pragmas
 * (WAL, synchronous=FULL).
 */
import type { BenchRow } from './benchTypes.ts';
import { startPostgresCluster } from '../support/postgresCluster.ts';
import { openHqDb } from '../../hq/db/openHqDb.ts';
import { importManifestEntries } from '../../hq/admin/importManifests.ts';
import { startHqProcess, readToken } from '../integration/sync/hqProcess.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSyncService } from '../../electron/sync/createSyncService.ts';
import { openTestStationDb } from '../integration/sync/stationHarness.ts';
import { makeManifest } from '../integration/sync/fixtures.ts';
import { startLoopStallProbe } from './support/loopStallProbe.ts';

const ROWS = Number(process.env['BENCH_PULL_ROWS'] ?? 1_000_000);
const PAGE = Number(process.env['BENCH_PULL_PAGE'] ?? 5000);
const CHUNK = 50_000;

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const databaseUrl = await cluster.createDatabase('bench_pull');
    const db = await openHqDb({ kind: 'postgres', databaseUrl });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ecms-bench-'));
    try {
      const tImport = performance.now();
      for (let i = 0; i < ROWS; i += CHUNK) {
        await importManifestEntries(db, Array.from({ length: Math.min(CHUNK, ROWS - i) }, (_, k) => makeManifest(i + k, 'LAX')));
      }
      const importRate = ROWS / ((performance.now() - tImport) / 1000);
      await db.exec('VACUUM ANALYZE manifests');

      // Raw HQ read: the same pages, straight from the database.
      const tRead = performance.now();
      let after = 0;
      for (;;) {
        const r = await db.query<{ k: unknown; entry_text: string }>(
          `SELECT entry_version AS k, entry::text AS entry_text FROM manifests WHERE warehouse = 'LAX' AND entry_version > $1 ORDER BY entry_version LIMIT $2`,
          [after, PAGE],
        );
        const last = r.rows.at(-1);
        if (!last) break;
        after = Number(last.k);
      }
      const readRate = ROWS / ((performance.now() - tRead) / 1000);

      // The pull itself: HQ in its own process (as in production), HTTP pages, validation, one SQLite transaction
      // per page at the station.
      const tokenFile = path.join(tmp, 'station.token');
      const hq = await startHqProcess(['--database-url', databaseUrl, '--port', '0', '--ensure-station', 'LAX-PULL:LAX', '--token-file', tokenFile]);
      const token = readToken(tokenFile);
      const station = openTestStationDb();
      let seconds: number;
      let stall: { maxStallMs: number; p99StallMs: number };
      try {
        const service = createSyncService({
          db: station.db,
          stationId: 'LAX-PULL',
          warehouse: 'LAX',
          hq: { hqUrl: hq.url, token },
          tuning: { pullPageLimit: PAGE, streams: ['manifests'], requestTimeoutMs: 120_000 },
        });
        const t0 = performance.now();
        const probe = startLoopStallProbe();
        service.start();
        const ok = await service.whenIdle(600_000);
        seconds = (performance.now() - t0) / 1000;
        stall = probe.stop();
        await service.stop();
        const n = (station.db.prepare('SELECT count(*) AS n FROM manifests').get() as { n: number }).n;
        if (!ok || n !== ROWS) throw new Error(`pull incomplete: ${n} of ${ROWS}`);
      } finally {
        station.close();
        await hq.stop();
      }

      // Raw station write: the same rows and statements, page transactions, nothing else.
      const raw = openTestStationDb();
      let writeRate: number;
      try {
        const up = raw.db.prepare(
          `INSERT INTO manifests (waybill, warehouse, destination, entry_json, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (waybill) DO UPDATE SET warehouse = excluded.warehouse, destination = excluded.destination, entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
        );
        const tr = raw.db.prepare('INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) VALUES (?, ?)');
        const pages: string[][] = [];
        let write = 0;
        for (let i = 0; i < ROWS; i += PAGE) {
          const entries = Array.from({ length: Math.min(PAGE, ROWS - i) }, (_, k) => makeManifest(i + k, 'LAX'));
          pages.length = 0;
          const json = entries.map((e) => JSON.stringify(e));
          const t = performance.now();
          raw.db.transaction(() => {
            entries.forEach((e, k) => {
              up.run(e.waybill, e.warehouse, e.destination, json[k] ?? '', 1);
              for (const t2 of e.inboundTracking) tr.run(t2, e.waybill);
            });
          })();
          write += performance.now() - t;
        }
        writeRate = ROWS / (write / 1000);
      } finally {
        raw.close();
      }

      rows.push({ name: `sync pull: ${ROWS.toLocaleString('en-US')} manifest rows HQ (PostgreSQL) → station`, value: seconds, unit: 's', goal: '≤ 30 s', met: seconds <= 30 });
      rows.push({ name: 'sync pull: rate', value: ROWS / seconds, unit: 'rows/s' });
      rows.push({ name: 'sync pull: longest event-loop stall during the pull (timer drift)', value: stall.maxStallMs, unit: 'ms', goal: '≤ 20 ms', met: stall.maxStallMs <= 20 });
      rows.push({ name: 'sync pull: event-loop stall p99 (2 ms timer)', value: stall.p99StallMs, unit: 'ms' });
      rows.push({ name: 'sync pull: raw HQ read, same pages (PostgreSQL, no HTTP)', value: readRate, unit: 'rows/s' });
      rows.push({ name: 'sync pull: raw station write, same rows + tracking (SQLite FULL)', value: writeRate, unit: 'rows/s' });
      rows.push({ name: 'sync pull: HQ manifest import (validated entries, for reference)', value: importRate, unit: 'rows/s' });
    } finally {
      await db.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}
