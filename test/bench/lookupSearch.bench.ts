/**
 * Parcel lookup on a year of history (issue 12 item 2): the search box and the lists over the cached history
 * station (support/historyFixture.ts: 1 M intakes by default, `--history=N` another size), through the station's
 * own search code (electron/station/parcelLookup.ts) with its real rows, each beside its floor — a bare indexed
 * lookup of one intake by tracking number on the same database — as a ratio. Before measuring, the copy gets what
 * the fixture leaves out: an inbound tracking number per manifest, and varied consignee names on the manifests still
 * inside the retention (older ones read "(name removed)", as on a real station). Figures are reported, never asserted.
 */
import type { Database } from 'better-sqlite3';
import { openStationDatabase } from '../../electron/db/openStationDatabase.ts';
import { PURGED_CONSIGNEE_NAME } from '../../electron/db/queries/manifests.ts';
import { searchParcels } from '../../electron/station/parcelLookup.ts';
import { warehouseDayOf } from '../../electron/station/warehouseDay.ts';
import { LookupSearchRequestSchema, type LookupSearchRequest } from '../../shared/contract/lookup.ts';
import { returnReference } from '../../shared/printing/returnReference.ts';
import { percentile, type BenchRow } from './benchTypes.ts';
import { benchOptions } from './support/benchOptions.ts';
import { historyStation } from './support/historyFixture.ts';
import { stationClassifier } from '../../electron/station/classifyForStation.ts';

const RUNS = 400;
const classify = stationClassifier();
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Kim', 'Park'];
const SYLLABLES = ['wei', 'fang', 'xiu', 'ying', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'tao', 'ming', 'chao', 'xia', 'ping', 'gang', 'hua', 'hong', 'bo', 'lan'];

/** Adds what the fixture leaves out (inbound tracking numbers, varied recent names); returns the recent names. */
function prepare(db: Database): string[] {
  const names: string[] = [];
  db.transaction(() => {
    db.exec(`INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) SELECT 'IN' || substr(waybill, 7), waybill FROM manifests WHERE waybill LIKE 'HISTWB%'`);
    const recent = db.prepare(`SELECT rowid AS id FROM manifests WHERE json_extract(entry_json, '$.consigneeName') IS NOT ?`).all(PURGED_CONSIGNEE_NAME) as Array<{ id: number }>;
    const rename = db.prepare(`UPDATE manifests SET entry_json = json_set(entry_json, '$.consigneeName', ?) WHERE rowid = ?`);
    for (const { id } of recent) {
      const name = `${SURNAMES[id % SURNAMES.length]} ${SYLLABLES[(id * 7) % SYLLABLES.length]}${SYLLABLES[(id * 13) % SYLLABLES.length]}`;
      rename.run(name, id);
      names.push(name);
    }
  })();
  return names;
}

function time(runs: number, fn: (i: number) => void): { p50: number; p95: number } {
  for (let i = 0; i < 20; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export default async function run(): Promise<BenchRow[]> {
  const n = benchOptions.historyIntakes;
  const fixture = await historyStation(n);
  const db = openStationDatabase(fixture.dir);
  try {
    const prepStart = performance.now();
    const names = prepare(db);
    const prepSeconds = (performance.now() - prepStart) / 1000;
    const count = (db.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number }).n;
    const sample = db.prepare('SELECT tracking, waybill, created_at FROM intakes WHERE rowid = ?');
    const maxRow = (db.prepare('SELECT max(rowid) AS m FROM intakes').get() as { m: number }).m;
    const pick = (i: number) => sample.get(1 + ((i * 7919) % maxRow)) as { tracking: string; waybill: string; created_at: number };
    const slots = (db.prepare('SELECT DISTINCT location FROM holds').all() as Array<{ location: string }>).map((r) => r.location);
    const reasons = (db.prepare('SELECT DISTINCT code FROM intake_reasons').all() as Array<{ code: string }>).map((r) => r.code);
    const operators = (db.prepare('SELECT DISTINCT operator FROM intakes LIMIT 5').all() as Array<{ operator: string }>).map((r) => r.operator);

    const floorStatement = db.prepare('SELECT intake_id FROM intakes WHERE tracking = ?');
    const floor = time(RUNS * 2, (i) => floorStatement.get(pick(i).tracking));
    const search = (request: LookupSearchRequest) => searchParcels(db, LookupSearchRequestSchema.parse(request), 'LAX', classify);
    const day = (i: number) => warehouseDayOf(pick(i).created_at, 'LAX');
    const cases: Array<[string, (i: number) => LookupSearchRequest]> = [
      ['by inbound tracking (the intake\'s own scan)', (i) => ({ text: pick(i).tracking, limit: 25 })],
      ['by inbound tracking through the pre-alert', (i) => ({ text: `IN${pick(i).waybill.slice(6)}`, limit: 25 })],
      ['by ECMS waybill', (i) => ({ text: pick(i).waybill, limit: 25 })],
      ['by return reference', (i) => ({ text: returnReference(pick(i).waybill, pick(i).tracking), limit: 25 })],
      ['by shelf slot (a year of holds per slot)', (i) => ({ text: slots[i % slots.length] ?? 'H-01-01', limit: 25 })],
      ['by part of a consignee name (recent pre-alerts)', (i) => ({ text: (names[(i * 31) % Math.max(1, names.length)] ?? 'Wang weifang').slice(-7), limit: 25 })],
      ['by a common surname', (i) => ({ text: SURNAMES[i % 3] ?? 'Wang', limit: 25 })],
      ['list: one day', (i) => ({ day: day(i), limit: 25 })],
      ['list: one day, HOLD only', (i) => ({ day: day(i), decision: 'HOLD', limit: 25 })],
      ['list: one reason, all year', (i) => ({ reason: (reasons[i % Math.max(1, reasons.length)] ?? 'ID_MISSING') as 'ID_MISSING', limit: 25 })],
      ['list: one operator, one day', (i) => ({ day: day(i), operator: operators[0] ?? 'x', limit: 25 })],
      ['list: all parcels, a later page (keyset)', (i) => { const p = pick(i); return { limit: 25, after: { createdAt: p.created_at, intakeId: '00000000-0000-4000-8000-000000000000' } }; }],
    ];
    const label = `${Math.round(count / 1000)} k intakes`;
    const rows: BenchRow[] = [];
    if (fixture.buildSeconds !== null) rows.push({ name: `history fixture: built (${label}, cached for later runs)`, value: fixture.buildSeconds, unit: 's' });
    rows.push({ name: `lookup: add inbound numbers and recent names to the copy (${names.length} names)`, value: prepSeconds, unit: 's' });
    rows.push({ name: `lookup floor: bare indexed lookup by tracking p95, ${label}`, value: floor.p95, unit: 'ms' });
    for (const [what, request] of cases) {
      const t = time(RUNS, (i) => search(request(i)));
      rows.push({ name: `lookup ${what} p95, ${label}`, value: t.p95, unit: 'ms', goal: 'p95 ≤ 50 ms', met: t.p95 <= 50 });
      rows.push({ name: `lookup ${what} p95 ÷ floor`, value: t.p95 / floor.p95, unit: '×' });
    }
    return rows;
  } finally {
    db.close();
    fixture.cleanup();
  }
}
