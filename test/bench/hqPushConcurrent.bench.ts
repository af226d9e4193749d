/**
 * Twenty stations pushing at once into one HQ (its own process, `hq serve`) on PostgreSQL 15 (durable defaults):
 * each station sends its real events (hqRealPayloads.ts) in the app's batch size, on a schedule that adds up to the
 * issue 17 total rate (19 000 events/s by default, BENCH_PUSH_RATE), with a random phase per station. A push that
 * is due while the station's previous one is still out waits for it (one push in flight per station, as the app
 * does). Reports HQ's answer time per push (p50 / p99, goal p99 ≤ 300 ms), the rate achieved, and how busy the HQ
 * process was (CPU seconds per second, from /proc) — on 2 cores HQ, PostgreSQL and the clients share the machine.
 * The clients send pre-serialised bodies so that they cost as little as possible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchRow } from './benchTypes.ts';
import { percentile } from './benchTypes.ts';
import { startPostgresCluster } from '../support/postgresCluster.ts';
import { openHqDb } from '../../hq/db/openHqDb.ts';
import { createStationToken } from '../../hq/auth/stationTokens.ts';
import { startHqProcess } from '../integration/sync/hqProcess.ts';
import type { HqDb } from '../../hq/db/hqDb.ts';
import { openPgDb } from '../../hq/db/pgDb.ts';
import { copyLine } from '../../hq/db/copyText.ts';
import { DEFAULT_SYNC_TUNING } from '../../electron/sync/syncContext.ts';
import { toWireBatch } from '../../electron/sync/toWireEvents.ts';
import { realStationEvents, repeatTemplates, type StationEventTemplates } from './hqRealPayloads.ts';

const STATIONS = 20;
const TOTAL_RATE = Number(process.env['BENCH_PUSH_RATE'] ?? 19_000);
const SECONDS = Number(process.env['BENCH_PUSH_SECONDS'] ?? 12);

interface Station {
  readonly id: string;
  readonly token: string;
  readonly bodies: string[];
  /** The same events as COPY text, one string per push: the floor. */
  readonly copies: string[];
}

const COLUMNS = ['station_id', 'seq', 'event_id', 'command_id', 'intake_id', 'type', 'payload', 'captured_at'];

function copiesFor(templates: StationEventTemplates, stationId: string, pushes: number, batch: number): string[] {
  const out: string[] = [];
  let data = '';
  let n = 0;
  for (const e of repeatTemplates(templates, pushes * batch)) {
    data += copyLine([stationId, e.seq, e.event_id, e.command_id, e.intake_id, e.type, e.payload, e.captured_at]);
    if (++n % batch === 0) {
      out.push(data);
      data = '';
    }
  }
  return out;
}

/** CPU seconds of PostgreSQL's backends serving this database (their command line names it). */
function backendCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) total += cpuSeconds(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The same schedule with each push replaced by a COPY of its rows in one transaction, straight into PostgreSQL. */
async function runCopies(db: HqDb, s: Station, intervalMs: number, phaseMs: number, t0: number, latencies: number[]): Promise<void> {
  for (let k = 0; k < s.copies.length; k++) {
    const wait = t0 + phaseMs + k * intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const started = performance.now();
    const rows = s.copies[k] ?? '';
    await db.transaction((tx) => tx.copyIn('station_events', COLUMNS, rows));
    latencies.push(performance.now() - started);
  }
}

function bodiesFor(templates: StationEventTemplates, stationId: string, pushes: number, batch: number): string[] {
  const rows = [...repeatTemplates(templates, pushes * batch)];
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    const b = toWireBatch(rows.slice(i, i + batch), DEFAULT_SYNC_TUNING.batchMaxBytes);
    if (!b) break;
    out.push(JSON.stringify({ protocol: 1, stationId, events: b.events }));
    i += b.events.length;
  }
  return out;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function runStation(url: string, s: Station, intervalMs: number, phaseMs: number, t0: number, latencies: number[]): Promise<number> {
  let sent = 0;
  for (let k = 0; k < s.bodies.length; k++) {
    const due = t0 + phaseMs + k * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const started = performance.now();
    const res = await fetch(`${url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: s.bodies[k] });
    const answer = (await res.json()) as { ackSeq?: number };
    latencies.push(performance.now() - started);
    if (res.status !== 200 || typeof answer.ackSeq !== 'number') throw new Error(`push ${k} of ${s.id}: HTTP ${res.status}`);
    sent = answer.ackSeq;
  }
  return sent;
}

export default async function run(): Promise<BenchRow[]> {
  const templates = await realStationEvents(300);
  const batch = DEFAULT_SYNC_TUNING.batchMaxEvents;
  const perStationRate = TOTAL_RATE / STATIONS;
  const intervalMs = (batch / perStationRate) * 1000;
  const pushes = Math.max(2, Math.round((SECONDS * 1000) / intervalMs));
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const databaseUrl = await cluster.createDatabase('bench_push_many');
    const db = await openHqDb({ kind: 'postgres', databaseUrl });
    const stations: Station[] = [];
    try {
      for (let i = 0; i < STATIONS; i++) {
        const id = `LAX-P${String(i + 1).padStart(2, '0')}`;
        const { token } = await createStationToken(db, { stationId: id, warehouse: 'LAX' });
        // The floor copies under a station of its own, so the pushes that follow start from an empty station.
        const floorId = id.replace('LAX-P', 'LAX-C');
        await createStationToken(db, { stationId: floorId, warehouse: 'LAX' });
        stations.push({ id, token, bodies: bodiesFor(templates, id, pushes, batch), copies: copiesFor(templates, floorId, pushes, batch) });
      }
    } finally {
      await db.close();
    }
    // The floor first: the same rows on the same schedule, COPYed by 20 connections at once (no HTTP, no HQ).
    const floorDb = await openPgDb({ connectionString: databaseUrl, max: STATIONS });
    const floor: number[] = [];
    let floorSeconds: number;
    try {
      const t0 = performance.now();
      await Promise.all(stations.map((s) => runCopies(floorDb, s, intervalMs, Math.random() * intervalMs, t0, floor)));
      floorSeconds = (performance.now() - t0) / 1000;
    } finally {
      await floorDb.close();
    }
    const hq = await startHqProcess(['--database-url', databaseUrl, '--port', '0', '--log-level', 'warn']);
    try {
      const pid = hq.child.pid;
      if (pid === undefined) throw new Error('HQ process has no pid');
      const latencies: number[] = [];
      const cpu0 = cpuSeconds(pid);
      const pg0 = backendCpuSeconds('bench_push_many');
      const t0 = performance.now();
      const acks = await Promise.all(stations.map((s) => runStation(hq.url, s, intervalMs, Math.random() * intervalMs, t0, latencies)));
      const seconds = (performance.now() - t0) / 1000;
      const hqCores = (cpuSeconds(pid) - cpu0) / seconds;
      const pgCores = (backendCpuSeconds('bench_push_many') - pg0) / seconds;
      const floorP99 = percentile(floor, 99);
      const events = acks.reduce((a, b) => a + b, 0);
      const p99 = percentile(latencies, 99);
      return [
        { name: `sync push: ${STATIONS} stations at once, offered ${TOTAL_RATE.toLocaleString('en-US')} events/s, ${batch}/push: achieved`, value: events / seconds, unit: 'events/s' },
        { name: `sync push: ${STATIONS} stations at once, HQ answer per push p50`, value: percentile(latencies, 50), unit: 'ms' },
        { name: `sync push: ${STATIONS} stations at once, HQ answer per push p99`, value: p99, unit: 'ms', goal: 'p99 ≤ 300 ms at ~19 k events/s', met: p99 <= 300 },
        { name: `sync push: ${STATIONS} stations at once, floor: raw COPY of the same batches, achieved`, value: (pushes * batch * STATIONS) / floorSeconds, unit: 'rows/s' },
        { name: `sync push: ${STATIONS} stations at once, floor: raw COPY per batch p99`, value: floorP99, unit: 'ms' },
        { name: `sync push: ${STATIONS} stations at once, HQ p99 ÷ raw COPY p99`, value: p99 / floorP99, unit: '×' },
        { name: `sync push: ${STATIONS} stations at once, HQ process CPU (of ${os.cpus().length} cores)`, value: hqCores, unit: 'cores' },
        { name: `sync push: ${STATIONS} stations at once, PostgreSQL backends CPU`, value: pgCores, unit: 'cores' },
        { name: 'sync push: machine load average (1 min) at the end', value: os.loadavg()[0] ?? Number.NaN, unit: '' },
      ];
    } finally {
      await hq.stop();
    }
  } finally {
    await cluster.stop();
  }
}
