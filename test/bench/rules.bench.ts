/**
 * Rules throughput: the verdict engine over the demo scenarios (rule context prebuilt), pricing alone, and a full
 * station-style decision that also loads the rule context from a SQLite database each time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStationDatabase } from '../../electron/db/openStationDatabase.ts';
import { createVerdictDecider } from '../../electron/rules/createVerdictDecider.ts';
import { readReferenceFiles } from '../../electron/rules/referenceFiles.ts';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { decideVerdict } from '../../shared/rules/decideVerdict.ts';
import { priceParcel } from '../../shared/rules/pricing.ts';
import { buildRuleContext, type RuleContext } from '../../shared/rules/ruleContext.ts';
import { lengthFromDecimal, type Dimensions } from '../../shared/units/length.ts';
import { massFromDecimal } from '../../shared/units/mass.ts';
import { percentile, type BenchRow, type Benchmark } from './benchTypes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AT = Date.parse('2026-06-01T12:00:00Z');

interface Case {
  manifest: ManifestEntry | null;
  mass: number;
  dims: Dimensions | null;
  damaged: boolean;
  context: RuleContext;
}

function loadCases(): Case[] {
  const ref = readReferenceFiles();
  if (!ref.ok) throw new Error(ref.error.message);
  const manifests = (JSON.parse(readFileSync(path.join(root, 'resources/demo/manifests.json'), 'utf8')) as unknown[]).map((m) => ManifestEntrySchema.parse(m));
  const scenarios = (JSON.parse(readFileSync(path.join(root, 'resources/demo/scenarios.json'), 'utf8')) as { scenarios: Array<{ waybill: string | null; warehouse: 'LAX' | 'CHI'; weigh: { value: string; unit: 'lb' | 'kg' }; dims: { length: string; width: string; height: string; unit: 'in' | 'cm' } | null; damaged: boolean }> }).scenarios;
  return scenarios.map((s) => {
    const manifest = manifests.find((m) => m.waybill === s.waybill) ?? null;
    const ctx = buildRuleContext(ref.docs, { destination: manifest?.destination ?? null, warehouse: s.warehouse, at: AT });
    if (!ctx.ok) throw new Error(ctx.error.message);
    const d = s.dims;
    const dims = d ? { length: lengthFromDecimal(d.length, d.unit) ?? 1, width: lengthFromDecimal(d.width, d.unit) ?? 1, height: lengthFromDecimal(d.height, d.unit) ?? 1 } : null;
    return { manifest, mass: massFromDecimal(s.weigh.value, s.weigh.unit) ?? 1, dims, damaged: s.damaged, context: ctx.context };
  });
}

function timeEach(n: number, fn: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

const run: Benchmark = async () => {
  const cases = loadCases();
  const rows: BenchRow[] = [];
  const pick = (i: number) => cases[i % cases.length] as Case;

  timeEach(2000, (i) => { const c = pick(i); decideVerdict({ manifest: c.manifest, measuredMass: c.mass, dims: c.dims, damaged: c.damaged, context: c.context }); }); // warm-up
  const n = 20_000;
  const t0 = performance.now();
  const times = timeEach(n, (i) => { const c = pick(i); decideVerdict({ manifest: c.manifest, measuredMass: c.mass, dims: c.dims, damaged: c.damaged, context: c.context }); });
  const secs = (performance.now() - t0) / 1000;
  rows.push({ name: 'decideVerdict: demo scenarios (context prebuilt)', value: n / secs, unit: 'verdicts/s' });
  const p99 = percentile(times, 99);
  rows.push({ name: 'decideVerdict: p99', value: p99, unit: 'ms', goal: 'p99 ≤ 5 ms', met: p99 <= 5 });

  const priced = cases.filter((c) => c.context.rateCard !== null);
  const pn = 50_000;
  const p0 = performance.now();
  for (let i = 0; i < pn; i++) {
    const c = priced[i % priced.length] as Case;
    if (c.context.rateCard) priceParcel(c.context.rateCard.card, { mass: c.mass, dims: c.dims });
  }
  rows.push({ name: 'priceParcel', value: pn / ((performance.now() - p0) / 1000), unit: 'quotes/s' });

  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-rules-bench-'));
  const db = openStationDatabase(dir);
  try {
    const ref = readReferenceFiles();
    if (!ref.ok) throw new Error(ref.error.message);
    const insert = db.prepare('INSERT INTO reference_docs (kind, doc_id, version, body_json, updated_at) VALUES (?, ?, ?, ?, 1)');
    for (const d of ref.docs) insert.run(d.kind, d.docId, d.version, JSON.stringify(d.body));
    const decide = createVerdictDecider({ db, warehouse: () => 'LAX' });
    const lax = cases.filter((c) => c.context.warehouse === 'LAX');
    const dn = 3000;
    const dt = timeEach(dn, (i) => { const c = lax[i % lax.length] as Case; decide({ manifest: c.manifest, mass: c.mass, dims: c.dims, damaged: c.damaged, now: AT }); });
    const dp99 = percentile(dt, 99);
    rows.push({ name: 'station decider (reads reference_docs each verdict)', value: dp99, unit: 'ms (p99)', goal: 'p99 ≤ 20 ms', met: dp99 <= 20 });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};

export default run;
