/**
 * The lead's day summary through the real station core (demo reference data, SQLite): parcels taken in now show up
 * in today's summary in the warehouse's zone with the decisions, weights, repricing and operator the station gave
 * them; a cancelled parcel is counted apart; another day is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { IntakeView } from '../../../shared/contract/intakeView.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { localDate } from '../../../shared/summary/zonedDay.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

let station: Station;
let cleanup: () => void;
beforeAll(async () => {
  const temp = makeTempDir('summary');
  cleanup = temp.cleanup;
  station = await openConfiguredStation({
    argv: ['--data-dir', temp.dir, '--demo', '--warehouse', 'CHI', '--station-id', 'CHI-TEST-1'],
    env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test', signedInAs: TEST_LEAD,
  });
});
afterAll(async () => {
  await station.close();
  cleanup();
});

const PARCELS = [
  { scan: '1Z4E81W20370002556', weigh: { value: '1.8', unit: 'kg' }, dims: { length: '30', width: '25', height: '20', unit: 'cm' } },
  { scan: '9205590164917002922102', weigh: { value: '4.0', unit: 'lb' }, dims: { length: '12', width: '12', height: '6', unit: 'in' } },
  { scan: '1Z4E81W20170003059', weigh: { value: '0.9', unit: 'kg' }, dims: { length: '20', width: '15', height: '10', unit: 'cm' } },
  { scan: '774900313118', weigh: { value: '1.0', unit: 'lb' }, dims: { length: '8', width: '6', height: '4', unit: 'in' } },
] as const;

async function takeIn(p: (typeof PARCELS)[number]): Promise<IntakeView> {
  const h = station.handlers;
  const intakeId = randomUUID();
  await h['intake.scan']({ commandId: randomUUID(), intakeId, raw: p.scan, source: 'wedge' });
  await h['intake.captureWeight']({ commandId: randomUUID(), intakeId, manual: { ...p.weigh, reason: 'summary test' } });
  await h['intake.setDimensions']({ commandId: randomUUID(), intakeId, ...p.dims });
  return h['intake.commitVerdict']({ commandId: randomUUID(), intakeId });
}

describe('the day summary at a station', () => {
  it('counts the parcels taken in today, in Chicago time', async () => {
    const decided: IntakeView[] = [];
    for (const p of PARCELS) decided.push(await takeIn(p));
    const cancelId = randomUUID();
    await station.handlers['intake.scan']({ commandId: randomUUID(), intakeId: cancelId, raw: '774900273110', source: 'wedge' });
    await station.handlers['intake.cancel']({ commandId: randomUUID(), intakeId: cancelId, reason: 'wrong parcel' });

    const s = await station.handlers['summary.day']({});
    expect(s.timeZone).toBe('America/Chicago');
    expect(s.date).toBe(localDate(station.clock.now(), 'America/Chicago'));
    expect(s.parcels).toBe(PARCELS.length);
    expect(s.cancelled).toBe(1);
    expect(s.typedWeights).toBe(PARCELS.length);
    const decisions = decided.map((v) => v.verdict?.decision);
    expect(s.verdicts.ACCEPT).toBe(decisions.filter((d) => d === 'ACCEPT').length);
    expect(s.verdicts.HOLD).toBe(decisions.filter((d) => d === 'HOLD').length);
    expect(s.verdicts.RETURN).toBe(decisions.filter((d) => d === 'RETURN').length);
    expect(s.verdicts.HOLD).toBeGreaterThan(0);
    expect(s.verdicts.RETURN).toBeGreaterThan(0);
    // Every parcel was scanned within the last minute: one hour bucket holds them all.
    expect(s.hours.filter((h) => h.count > 0)).toHaveLength(1);
    expect(s.hours.find((h) => h.start <= station.clock.now() && station.clock.now() < h.start + 3_600_000)?.count).toBe(PARCELS.length);
    expect(s.returnsByReason.map((r) => r.code)).toContain('PROHIBITED');
    expect(s.holdsByReason.map((r) => r.code)).toContain('ID_MISSING');
    expect(s.openHolds).toBe(s.verdicts.HOLD);
    const deltas = new Map<string, number>();
    for (const v of decided) {
      if (v.verdict?.reprice && v.verdict.decision !== 'RETURN') {
        const key = `${v.manifest?.destination}/${v.verdict.reprice.currency}`;
        deltas.set(key, (deltas.get(key) ?? 0) + v.verdict.reprice.deltaMinor);
      }
    }
    expect(new Map(s.repricing.map((r) => [`${r.destination}/${r.currency}`, r.deltaMinor]))).toEqual(deltas);
    expect(s.operators.reduce((n, o) => n + o.parcels, 0)).toBe(PARCELS.length);
    expect(s.weights.reduce((n, w) => n + w.count, 0)).toBe(PARCELS.length);
  });

  it('another day has none of them', async () => {
    const s = await station.handlers['summary.day']({ date: '2020-01-15' });
    expect(s.parcels).toBe(0);
    expect(s.hours).toHaveLength(24);
  });
});
