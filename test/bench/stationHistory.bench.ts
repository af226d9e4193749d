/**
 * The station on an empty database and on one with a year of history (issue 17, items 1 and 6), side by side, each
 * beside its floor measured in the same run on the same disk:
 *   - start → station open (database checks, migrations, start-up sweeps; the first screen's data is then one
 *     refresh away), on each station;
 *   - scan (intake.scan) and Decide (intake.commitVerdict) p95, and the screen's refresh after an intake event
 *     (intake.current + intake.recent + print.queue + sync.status) p95, through the real command dispatcher;
 *   - a full intake (5 durable commands) p99 against five bare durable commits with the station's pragmas
 *     (WAL, synchronous=FULL) in the same directory, made after each intake (so both see the same disk): the floor;
 *   - disk per intake on the history station.
 * `npm run bench -- --quick` uses 50 k intakes instead of 1 M (`--history=N` any other size). Figures are reported, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatchCommand } from '../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../electron/db/queries/manifests.ts';
import type { Station } from '../../electron/station/createStation.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { percentile, type BenchRow } from './benchTypes.ts';
import { benchOptions } from './support/benchOptions.ts';
import { databaseBytes, historyStation, openBenchStation } from './support/historyFixture.ts';

const INTAKES = benchOptions.quick ? 150 : 600;

interface StationFigures {
  readonly openMs: number;
  readonly scanP95: number;
  readonly decideP95: number;
  readonly refreshP95: number;
  readonly intakeP99: number;
  /** Five bare durable commits after each intake, beside it: p99. */
  readonly floorP99: number;
}

async function measure(dir: string): Promise<StationFigures> {
  const opened = performance.now();
  const station: Station = await openBenchStation(dir);
  const openMs = performance.now() - opened;
  const floor = bareCommits(dir);
  try {
    const demo = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/demo/manifests.json'), 'utf8')) as ManifestEntry[]).find((m) => m.waybill === 'APELAX1040000101')!;
    const waybill = (i: number) => `APELAX2${String(i).padStart(9, '0')}`;
    station.db.transaction(() => {
      for (let i = 0; i < INTAKES; i++) upsertManifest(station.db, { ...demo, waybill: waybill(i), inboundTracking: [] }, Date.now());
    })();
    const log = { error: (m: string, e: unknown) => console.error(m, e) };
    const call = async (name: string, request: object): Promise<number> => {
      const t0 = performance.now();
      const r = await dispatchCommand(station.handlers, name, request, log);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return performance.now() - t0;
    };
    const refresh = async () => (await call('intake.current', {})) + (await call('intake.recent', { limit: 20 })) + (await call('print.queue', {})) + (await call('sync.status', {}));
    const scans: number[] = [];
    const decides: number[] = [];
    const refreshes: number[] = [];
    const intakes: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < INTAKES; i++) {
      const intakeId = randomUUID();
      let total = 0;
      const scan = await call('intake.scan', { commandId: randomUUID(), intakeId, raw: waybill(i), source: 'wedge' });
      scans.push(scan);
      total += scan;
      total += await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'bench' } });
      total += await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
      const decide = await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
      decides.push(decide);
      total += decide;
      refreshes.push(await refresh());
      total += await call('intake.finish', { commandId: randomUUID(), intakeId });
      intakes.push(total);
      floors.push(floor.fiveCommits());
    }
    return { openMs, scanP95: percentile(scans, 95), decideP95: percentile(decides, 95), refreshP95: percentile(refreshes, 95), intakeP99: percentile(intakes, 99), floorP99: percentile(floors, 99) };
  } finally {
    floor.close();
    await station.close();
  }
}

/** The floor: five bare durable commits (one small row each) with the station's pragmas, in the station's directory. */
function bareCommits(dir: string): { fiveCommits(): number; close(): void } {
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const commit = db.transaction((v: string) => insert.run(v));
  let n = 0;
  return {
    fiveCommits: () => {
      const t0 = performance.now();
      for (let k = 0; k < 5; k++) commit(String(n++));
      return performance.now() - t0;
    },
    close: () => db.close(),
  };
}

export default async function run(): Promise<BenchRow[]> {
  const n = benchOptions.historyIntakes;
  const fixture = await historyStation(n);
  const emptyDir = mkdtempSync(path.join(path.dirname(fixture.dir), 'empty-'));
  try {
    const bytesBefore = databaseBytes(fixture.dir);
    const empty = await measure(emptyDir);
    const history = await measure(fixture.dir);
    const floorEmpty = empty.floorP99;
    const floorHistory = history.floorP99;
    const label = `${n / 1000} k history`;
    const rows: BenchRow[] = [];
    if (fixture.buildSeconds !== null) rows.push({ name: `history fixture: built (${label}, cached for later runs)`, value: fixture.buildSeconds, unit: 's' });
    const pair = (what: string, e: number, h: number, unit: string, goal?: { text: string; met: (h: number) => boolean }) => {
      rows.push({ name: `${what}, empty station`, value: e, unit });
      rows.push({ name: `${what}, ${label}`, value: h, unit, ...(goal ? { goal: goal.text, met: goal.met(h) } : {}) });
      rows.push({ name: `${what}, ${label} ÷ empty`, value: h / e, unit: '×' });
    };
    pair('start → station open', empty.openMs, history.openMs, 'ms', { text: '≤ 1500 ms', met: (h) => h <= 1500 });
    pair('scan command p95', empty.scanP95, history.scanP95, 'ms', { text: '≤ 30 ms and ≤ 1.2× empty', met: (h) => h <= 30 && h <= 1.2 * empty.scanP95 });
    pair('Decide command p95', empty.decideP95, history.decideP95, 'ms', { text: '≤ 50 ms', met: (h) => h <= 50 });
    pair('screen refresh after an intake p95 (current + recent + print queue + sync)', empty.refreshP95, history.refreshP95, 'ms');
    rows.push({ name: 'floor: five bare durable commits p99, between the empty station\'s intakes', value: floorEmpty, unit: 'ms' });
    rows.push({ name: `floor: five bare durable commits p99, between the ${label} station's intakes`, value: floorHistory, unit: 'ms' });
    pair('full intake (5 durable commands) p99', empty.intakeP99, history.intakeP99, 'ms');
    rows.push({ name: 'full intake p99 ÷ five bare commits, empty station', value: empty.intakeP99 / floorEmpty, unit: '×', goal: '≤ 3×', met: empty.intakeP99 / floorEmpty <= 3 });
    rows.push({ name: `full intake p99 ÷ five bare commits, ${label}`, value: history.intakeP99 / floorHistory, unit: '×', goal: '≤ 3×', met: history.intakeP99 / floorHistory <= 3 });
    const perIntake = bytesBefore.used / n;
    rows.push({ name: `disk per intake, ${label} (pages in use ÷ intakes, manifests included)`, value: perIntake, unit: 'B', goal: '≤ 2048 B', met: perIntake <= 2048 });
    rows.push({ name: `disk per intake, ${label} (file size ÷ intakes)`, value: bytesBefore.file / n, unit: 'B' });
    return rows;
  } finally {
    fixture.cleanup();
    rmSync(emptyDir, { recursive: true, force: true });
  }
}
