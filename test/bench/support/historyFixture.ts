/**
 * A station with a year of history (issue 17, item 1): N past intakes spread over 500 days with a realistic verdict
 * mix (85 % accept, 10 % hold, 5 % return, 2 % of them cancelled), their events and outbox rows (all acknowledged
 * but the newest 500), their print jobs (printed) and holds (closed), and as many manifests. It is in the steady
 * state a station reaches: names of manifests past the retention purged, events synced past the retention compacted.
 *
 * The rows are real: the demo parcels are taken in through the station's own commands in a scratch station, and
 * those intakes, events, print jobs and holds are the templates that bulk SQL copies N times (the station's write
 * path runs ~200 intakes/s, 80 minutes for a million). The result is cached on disk, keyed by N and the schema
 * version, in .data/bench/history-<N>-v<version>/, so `npm run bench` builds it once; each run works on a copy.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { latestVersion } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { DATABASE_FILE } from '../../../electron/db/openStationDatabase.ts';
import { PURGED_CONSIGNEE_NAME } from '../../../electron/db/queries/manifests.ts';
import { DEFAULT_MANIFEST_RETENTION_DAYS } from '../../../electron/db/retentionSchedule.ts';
import { compactSyncedEvents, DEFAULT_EVENT_RETENTION_DAYS } from '../../../electron/db/queries/eventCompaction.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 500;

interface Scenario {
  scan: string;
  weigh: { value: string; unit: string };
  dims: { length: string; width: string; height: string; unit: string } | null;
  damaged: boolean;
  expected: { decision: 'ACCEPT' | 'HOLD' | 'RETURN' };
}

async function call(station: Station, name: string, request: object): Promise<void> {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
}

/** Opens a demo station in `dir` the way the benches do (simulated scale, demo data, the real rules, a lead signed in). */
export function openBenchStation(dir: string): Promise<Station> {
  return openConfiguredStation({ argv: ['--data-dir', dir, '--demo'], env: {}, transport: 'browser', defaultDataDir: dir, version: 'bench', signedInAs: TEST_LEAD });
}

/** Takes every demo scenario in through the station's commands: the template intakes. */
async function takeInDemoParcels(station: Station): Promise<void> {
  const { scenarios } = JSON.parse(readFileSync(path.join(ROOT, 'resources/demo/scenarios.json'), 'utf8')) as { scenarios: Scenario[] };
  // This warehouse measures every parcel: the scenarios without a size are for one that does not.
  for (const s of scenarios.filter((x) => x.dims !== null)) {
    const intakeId = randomUUID();
    await call(station, 'intake.scan', { commandId: randomUUID(), intakeId, raw: s.scan, source: 'wedge' });
    await call(station, 'intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { ...s.weigh, reason: 'history fixture' } });
    if (s.dims) await call(station, 'intake.setDimensions', { commandId: randomUUID(), intakeId, ...s.dims });
    if (s.damaged) await call(station, 'intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true });
    await call(station, 'intake.commitVerdict', { commandId: randomUUID(), intakeId });
    await call(station, 'intake.finish', { commandId: randomUUID(), intakeId });
  }
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((r) => r.name);
}

/** INSERT INTO main.<table> (every column) SELECT <override or t.column> FROM <from>. */
function copySql(db: Database.Database, table: string, overrides: Record<string, string>, from: string): string {
  const cols = columns(db, table).filter((c) => !(table === 'events' && c === 'seq'));
  return `INSERT INTO main.${table} (${cols.join(', ')}) SELECT ${cols.map((c) => overrides[c] ?? `t.${c}`).join(', ')} FROM ${from}`;
}

function bulkHistory(file: string, templateFile: string, n: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.prepare('ATTACH DATABASE ? AS tpl').run(templateFile);
  const t0 = Date.now() - HISTORY_DAYS * DAY_MS;
  const step = Math.floor((HISTORY_DAYS * DAY_MS) / n);
  // 100 slots → template intakes, 85 accept, 10 hold, 5 return (each slot cycles through the templates of its kind).
  const byDecision = (d: string) => (db.prepare("SELECT intake_id FROM tpl.intakes WHERE decision = ? AND state = 'ready' ORDER BY created_at").all(d) as Array<{ intake_id: string }>).map((r) => r.intake_id);
  const kinds = { ACCEPT: byDecision('ACCEPT'), HOLD: byDecision('HOLD'), RETURN: byDecision('RETURN') };
  db.exec('CREATE TEMP TABLE pick (slot INTEGER PRIMARY KEY, intake_id TEXT NOT NULL)');
  const pick = db.prepare('INSERT INTO temp.pick (slot, intake_id) VALUES (?, ?)');
  for (let slot = 0; slot < 100; slot++) {
    const list = slot < 85 ? kinds.ACCEPT : slot < 95 ? (kinds.HOLD.length > 0 ? kinds.HOLD : kinds.ACCEPT) : kinds.RETURN.length > 0 ? kinds.RETURN : kinds.ACCEPT;
    pick.run(slot, list[slot % list.length]);
  }
  const counter = `(WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < ${n}) SELECT i FROM c) c
    JOIN temp.pick p ON p.slot = c.i % 100`;
  const id = "'hist-' || c.i";
  const at = `(${t0} + c.i * ${step})`;
  const wb = "'HISTWB' || printf('%010d', c.i)";
  const build = db.transaction(() => {
    db.exec(
      copySql(db, 'intakes', {
        intake_id: id, tracking: `'HIST' || printf('%012d', c.i)`, scan_raw: `'HIST' || printf('%012d', c.i)`, waybill: wb,
        state: "CASE WHEN c.i % 50 = 49 THEN 'cancelled' ELSE 'ready' END", created_at: at, updated_at: `${at} + 90000`,
      }, `${counter} JOIN tpl.intakes t ON t.intake_id = p.intake_id ORDER BY c.i`),
    );
    db.exec(
      copySql(db, 'events', {
        event_id: `${id} || '-' || t.seq`, command_id: `'hc-' || c.i || '-' || t.seq`, intake_id: id,
        captured_at: `${at} + (t.seq % 10) * 15000`,
      }, `${counter} JOIN tpl.events t ON t.intake_id = p.intake_id ORDER BY c.i, t.seq`),
    );
    const last = (db.prepare('SELECT max(seq) AS s FROM main.events').get() as { s: number }).s;
    db.exec(`INSERT INTO main.outbox (seq, state, acked_at) SELECT seq, CASE WHEN seq > ${last - 500} THEN 'pending' ELSE 'acked' END,
               CASE WHEN seq > ${last - 500} THEN NULL ELSE captured_at + 5000 END FROM main.events WHERE event_id LIKE 'hist-%'`);
    db.exec(
      copySql(db, 'print_jobs', {
        job_id: `${id} || '-' || t.rowid`, request_id: `'hr-' || c.i || '-' || t.rowid`, intake_id: id, state: "'done'", payload: 'NULL',
        next_attempt_at: 'NULL', created_at: `${at} + 60000`, updated_at: `${at} + 61000`, done_at: `${at} + 61000`,
      }, `${counter} JOIN tpl.print_jobs t ON t.intake_id = p.intake_id ORDER BY c.i`),
    );
    db.exec(
      copySql(db, 'holds', {
        hold_id: `${id} || '-' || t.rowid`, intake_id: id, waybill: wb, state: "CASE WHEN c.i % 3 = 0 THEN 'returned' ELSE 'released' END",
        held_at: at, closed_at: `${at} + 3 * ${DAY_MS}`, closed_by: 't.location', close_cause: "CASE WHEN c.i % 3 = 0 THEN 'manual_return' ELSE 'manual_release' END",
        close_note: 'NULL', updated_at: `${at} + 3 * ${DAY_MS}`,
      }, `${counter} JOIN tpl.holds t ON t.intake_id = p.intake_id ORDER BY c.i`),
    );
    // Steady state: names of manifests older than the retention were purged long ago (queries/manifests.ts).
    const purgedBefore = Date.now() - DEFAULT_MANIFEST_RETENTION_DAYS * DAY_MS;
    const manifest = db.prepare('SELECT waybill FROM main.manifests ORDER BY waybill LIMIT 1').get() as { waybill: string };
    db.exec(`INSERT INTO main.manifests (waybill, warehouse, destination, entry_json, updated_at)
      SELECT ${wb}, m.warehouse, m.destination,
             CASE WHEN ${at} <= ${purgedBefore}
               THEN json_remove(json_set(m.entry_json, '$.waybill', ${wb}, '$.inboundTracking', json('[]'), '$.consigneeName', '${PURGED_CONSIGNEE_NAME}'), '$.consigneeNative')
               ELSE json_set(m.entry_json, '$.waybill', ${wb}, '$.inboundTracking', json('[]')) END, ${at}
        FROM (WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < ${n}) SELECT i FROM c) c
        JOIN main.manifests m ON m.waybill = '${manifest.waybill}'`);
  });
  build();
  db.exec('DETACH DATABASE tpl');
  // Steady state: events HQ acknowledged more than the retention ago were compacted by the station long since.
  while (compactSyncedEvents(db, { now: Date.now(), retentionMs: DEFAULT_EVENT_RETENTION_DAYS * DAY_MS, batch: 200_000 }) > 0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export interface HistoryFixture {
  /** A data directory holding a copy of the cached history station (delete it with `cleanup`). */
  readonly dir: string;
  readonly intakes: number;
  readonly buildSeconds: number | null;
  readonly cleanup: () => void;
}

/** The cached history station for N intakes (built if missing), copied into a fresh data directory. */
export async function historyStation(n: number): Promise<HistoryFixture> {
  const cacheDir = path.join(ROOT, '.data/bench', `history-${n}-v${latestVersion(MIGRATIONS)}`);
  let buildSeconds: number | null = null;
  if (!existsSync(path.join(cacheDir, DATABASE_FILE))) {
    // A cache of an older schema is of no use any more (they are large: 10 KB an intake).
    for (const old of existsSync(path.dirname(cacheDir)) ? readdirSync(path.dirname(cacheDir)) : []) {
      if (old.startsWith(`history-${n}-v`) && !old.includes('.building-')) rmSync(path.join(path.dirname(cacheDir), old), { recursive: true, force: true });
    }
    const started = performance.now();
    const work = `${cacheDir}.building-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    const templateDir = path.join(work, 'template');
    const stationDir = path.join(work, 'station');
    const template = await openBenchStation(templateDir);
    await takeInDemoParcels(template);
    await template.close();
    const fresh = await openBenchStation(stationDir);
    await fresh.close();
    bulkHistory(path.join(stationDir, DATABASE_FILE), path.join(templateDir, DATABASE_FILE), n);
    rmSync(path.join(stationDir, 'backups'), { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    renameSync(stationDir, cacheDir);
    rmSync(work, { recursive: true, force: true });
    buildSeconds = (performance.now() - started) / 1000;
  }
  const dir = path.join(ROOT, '.data/bench', `run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  for (const f of [DATABASE_FILE, 'station-identity.json']) if (existsSync(path.join(cacheDir, f))) copyFileSync(path.join(cacheDir, f), path.join(dir, f));
  return { dir, intakes: n, buildSeconds, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bytes the station database uses: its pages less the free ones (which new rows fill first), and the file size. */
export function databaseBytes(dir: string): { used: number; file: number } {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
    return { used: pages * (db.pragma('page_size', { simple: true }) as number), file: statSync(path.join(dir, DATABASE_FILE)).size };
  } finally {
    db.close();
  }
}
