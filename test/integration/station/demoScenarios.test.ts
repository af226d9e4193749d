/**
 * Every demo scenario (resources/demo/scenarios.json) through the real station core — classifier, manifest lookup,
 * rules engine over the seeded sample reference data, SQLite — as a worker would do it, at a station of the
 * scenario's warehouse. The demo covers every verdict, and the station gives each the expected decision, reason
 * codes and price.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { IntakeView } from '../../../shared/contract/intakeView.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

interface Scenario {
  id: string;
  scan: string;
  waybill: string | null;
  warehouse: 'LAX' | 'CHI';
  weigh: { value: string; unit: 'lb' | 'kg' | 'oz' | 'g' };
  dims: { length: string; width: string; height: string; unit: 'in' | 'cm' } | null;
  damaged: boolean;
  expected: { decision: string; codes: string[]; priceMinor?: number; deltaMinor?: number };
}
const file = path.resolve(import.meta.dirname, '../../../resources/demo/scenarios.json');
const scenarios = (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;

const stations = new Map<string, { station: Station; cleanup: () => void }>();
beforeAll(async () => {
  for (const warehouse of ['LAX', 'CHI'] as const) {
    const temp = makeTempDir(`demo-${warehouse}`);
    const station = await openConfiguredStation({ signedInAs: TEST_LEAD,
      argv: ['--data-dir', temp.dir, '--demo', '--warehouse', warehouse, '--station-id', `${warehouse}-TEST-1`],
      env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test',
    });
    stations.set(warehouse, { station, cleanup: temp.cleanup });
  }
});
afterAll(async () => {
  for (const { station, cleanup } of stations.values()) {
    await station.close();
    cleanup();
  }
});

async function run(station: Station, name: string, request: object): Promise<IntakeView> {
  const result = await dispatchCommand(station.handlers, name, request, { error: (m, e) => console.error(m, e) });
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as IntakeView;
}

describe('demo scenarios through the real station', () => {
  it('covers ACCEPT, HOLD and RETURN and every main reason code', () => {
    expect(new Set(scenarios.map((s) => s.expected.decision))).toEqual(new Set(['ACCEPT', 'HOLD', 'RETURN']));
    const codes = new Set(scenarios.flatMap((s) => s.expected.codes));
    for (const code of ['OVERWEIGHT', 'OVERSIZE', 'PROHIBITED', 'ID_MISSING', 'ID_INVALID', 'DUTIES_UNPAID', 'DAMAGED_PACKAGING', 'WEIGHT_MISMATCH']) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const { station } = stations.get(s.warehouse)!;
    const intakeId = randomUUID();
    const scanned = await run(station, 'intake.scan', { commandId: randomUUID(), intakeId, raw: s.scan, source: 'wedge' });
    onTestFinished(() => void dispatchCommand(station.handlers, 'intake.cancel', { commandId: randomUUID(), intakeId, reason: 'scenario ended' }, { error: () => {} }));
    expect(scanned.manifest?.waybill ?? null).toBe(s.waybill);
    await run(station, 'intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { ...s.weigh, reason: 'scenario test' } });
    // The station measures every parcel before a verdict; scenarios without a size get an ordinary carton.
    const dims = s.dims ?? { length: '10', width: '8', height: '6', unit: 'in' };
    await run(station, 'intake.setDimensions', { commandId: randomUUID(), intakeId, ...dims });
    if (s.damaged) await run(station, 'intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true });
    const decided = await run(station, 'intake.commitVerdict', { commandId: randomUUID(), intakeId });
    expect(decided.verdict?.decision).toBe(s.expected.decision);
    expect(decided.verdict?.reasons.map((r) => r.code).sort()).toEqual([...s.expected.codes].sort());
    for (const reason of decided.verdict?.reasons ?? []) expect(reason.message.length).toBeGreaterThan(10);
    if (s.expected.priceMinor !== undefined) {
      expect(decided.verdict?.reprice).toMatchObject({ priceMinor: s.expected.priceMinor, deltaMinor: s.expected.deltaMinor });
    }
    await run(station, 'intake.finish', { commandId: randomUUID(), intakeId });
  });
});
