/**
 * Applying pulled manifest pages at the station, in process (no HQ, no HTTP), beside the raw station write of the
 * same rows (issue 17, item 5): a whole page in one transaction (how the pull stored pages before) and the pull's
 * slices that yield to the event loop, each with a timer-drift probe for the longest stall of the event loop
 * (goal ≤ 20 ms), and the rate as a share of the raw write (goal ≥ 0.8×). 5000-row pages, the pull's page size.
 */
import type { PullPage } from '../../shared/sync/pullWire.ts';
import { applyManifestPage, applyManifestPageInSlices } from '../../electron/sync/applyManifestPage.ts';
import { openTestStationDb } from '../integration/sync/stationHarness.ts';
import { makeManifest } from '../integration/sync/fixtures.ts';
import type { BenchRow } from './benchTypes.ts';
import { benchOptions } from './support/benchOptions.ts';
import { startLoopStallProbe } from './support/loopStallProbe.ts';

const ROWS = benchOptions.quick ? 40_000 : 200_000;
const PAGE = 5000;

function pages(): PullPage[] {
  const out: PullPage[] = [];
  for (let i = 0; i < ROWS; i += PAGE) {
    const items = Array.from({ length: Math.min(PAGE, ROWS - i) }, (_, k) => ({ op: 'upsert', entry: makeManifest(i + k, 'LAX') }));
    out.push({ reset: false, stream: 'manifests', cursor: `c${i}`, upToDate: i + PAGE >= ROWS, items });
  }
  return out;
}

/** The raw station write: the same statements in page transactions, no validation, nothing else. */
function rawWrite(all: readonly PullPage[]): number {
  const station = openTestStationDb();
  try {
    const up = station.db.prepare(
      `INSERT INTO manifests (waybill, warehouse, destination, entry_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (waybill) DO UPDATE SET warehouse = excluded.warehouse, destination = excluded.destination, entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
    );
    const tr = station.db.prepare('INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) VALUES (?, ?)');
    const t0 = performance.now();
    for (const page of all) {
      const entries = page.items.map((item) => (item as { entry: ReturnType<typeof makeManifest> }).entry);
      const json = entries.map((e) => JSON.stringify(e));
      station.db.transaction(() => {
        entries.forEach((e, k) => {
          up.run(e.waybill, e.warehouse, e.destination, json[k] ?? '', 1);
          for (const t of e.inboundTracking) tr.run(t, e.waybill);
        });
      })();
    }
    return ROWS / ((performance.now() - t0) / 1000);
  } finally {
    station.close();
  }
}

async function applied(all: readonly PullPage[], sliced: boolean): Promise<{ rate: number; maxStallMs: number; p99StallMs: number }> {
  const station = openTestStationDb();
  try {
    const probe = startLoopStallProbe();
    const t0 = performance.now();
    for (const page of all) {
      if (sliced) await applyManifestPageInSlices(station.db, page, 'LAX', 1);
      else {
        applyManifestPage(station.db, page, 'LAX', 1);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    return { rate: ROWS / seconds, ...probe.stop() };
  } finally {
    station.close();
  }
}

/** The probe alone for as long, with nothing to do: what the machine itself stalls a timer by (the floor). */
async function idleStall(ms: number): Promise<number> {
  const probe = startLoopStallProbe();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return probe.stop().maxStallMs;
}

export default async function run(): Promise<BenchRow[]> {
  const all = pages();
  const idle = await idleStall(3000);
  const raw = rawWrite(all);
  const whole = await applied(all, false);
  const sliced = await applied(all, true);
  const n = `${ROWS / 1000} k rows`;
  return [
    { name: `pull apply: raw station write (floor), ${n}`, value: raw, unit: 'rows/s' },
    { name: 'pull apply: whole page per transaction', value: whole.rate, unit: 'rows/s' },
    { name: 'pull apply: whole page, longest event-loop stall', value: whole.maxStallMs, unit: 'ms' },
    { name: 'pull apply: slices (the pull)', value: sliced.rate, unit: 'rows/s' },
    { name: 'pull apply: slices ÷ raw write', value: sliced.rate / raw, unit: '×', goal: '≥ 0.8×', met: sliced.rate / raw >= 0.8 },
    { name: 'pull apply: slices, longest event-loop stall', value: sliced.maxStallMs, unit: 'ms', goal: '≤ 20 ms', met: sliced.maxStallMs <= 20 },
    { name: 'pull apply: slices, event-loop stall p99 (2 ms timer)', value: sliced.p99StallMs, unit: 'ms' },
    { name: 'pull apply: longest timer stall with nothing running, 3 s (machine noise, the floor)', value: idle, unit: 'ms' },
  ];
}
