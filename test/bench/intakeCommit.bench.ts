/**
 * The station core under load: full intakes (scan → typed weight → size → verdict → finish: five commands, each
 * one durable SQLite transaction with synchronous=FULL) through the real classifier, rules engine and hold shelf,
 * on a file database in a temp dir. Reports intakes per second and per-command latency.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openConfiguredStation } from '../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../electron/db/queries/manifests.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { percentile, type BenchRow } from './benchTypes.ts';
import { TEST_LEAD } from '../support/signedIn.ts';

const INTAKES = 1500;

export default async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-bench-intake-'));
  const station = await openConfiguredStation({ signedInAs: TEST_LEAD, argv: ['--data-dir', dir, '--demo'], env: {}, transport: 'browser', defaultDataDir: dir, version: 'bench' });
  const demo = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/demo/manifests.json'), 'utf8')) as ManifestEntry[])
    .find((m) => m.waybill === 'APELAX1040000101')!;
  station.db.transaction(() => {
    for (let i = 0; i < INTAKES; i++) upsertManifest(station.db, { ...demo, waybill: `APELAX2${String(i).padStart(9, '0')}`, inboundTracking: [] }, Date.now());
  })();
  const log = { error: (m: string, e: unknown) => console.error(m, e) };
  const latencies: number[] = [];
  const call = async (name: string, request: object) => {
    const t0 = performance.now();
    const r = await dispatchCommand(station.handlers, name, request, log);
    latencies.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  };
  const started = performance.now();
  for (let i = 0; i < INTAKES; i++) {
    const intakeId = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: `APELAX2${String(i).padStart(9, '0')}`, source: 'wedge' });
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'bench' } });
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
    await call('intake.finish', { commandId: randomUUID(), intakeId });
  }
  const seconds = (performance.now() - started) / 1000;
  await station.close();
  rmSync(dir, { recursive: true, force: true });
  const p99 = percentile(latencies, 99);
  return [
    { name: 'station: full intakes (5 durable commands each)', value: INTAKES / seconds, unit: 'intakes/s', goal: '≥ 10 intakes/s (a worker does < 0.2)', met: INTAKES / seconds >= 10 },
    { name: 'station: command latency p50', value: percentile(latencies, 50), unit: 'ms' },
    { name: 'station: command latency p99', value: p99, unit: 'ms', goal: 'p99 ≤ 20 ms', met: p99 <= 20 },
  ];
}
