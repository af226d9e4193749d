import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import type { VerdictRequest } from '../../../electron/station/stationPorts.ts';
import { DAY_MS } from '../../../shared/rules/holdAging.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };
const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = Date.UTC(2026, 10, 1);
let next: Verdict = HOLD;
const call = async <T = unknown>(name: string, request: unknown): Promise<T> => {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};

beforeEach(() => {
  temp = makeTempDir('holds');
  next = HOLD;
  station = createStation({
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: (_req: VerdictRequest) => next, now: () => clock,
  });
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function decided(raw: string): Promise<string> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2', unit: 'lb', reason: 'test' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '8', height: '6', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  return intakeId;
}
const openHolds = () => (station.db.prepare("SELECT intake_id FROM holds WHERE state = 'held'").all() as Array<{ intake_id: string }>).map((r) => r.intake_id);

describe('hold shelf in the station', () => {
  it('a HOLD verdict puts the parcel on the shelf in the same transaction, with its location on the intake', async () => {
    const id = await decided('GOOD-H1');
    expect(openHolds()).toEqual([id]);
    const view = await call<{ holdLocation: string | null }>('intake.get', { intakeId: id });
    expect(view.holdLocation).toMatch(/\S/);
    const types = (station.db.prepare('SELECT type FROM events ORDER BY seq').all() as Array<{ type: string }>).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['VERDICT_COMMITTED', 'HOLD_PLACED']);
    expect(station.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: types.length });
  });

  it('a correction that turns the hold into ACCEPT takes it off the shelf; a cancel does too', async () => {
    const id = await decided('GOOD-H2');
    next = ACCEPT;
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId: id, manual: { value: '2.5', unit: 'lb', reason: 'reweighed' } });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId: id });
    expect(openHolds()).toEqual([]);
    await call('intake.finish', { commandId: randomUUID(), intakeId: id });
    next = HOLD;
    const other = await decided('GOOD-H3');
    expect(openHolds()).toEqual([other]);
    await call('intake.cancel', { commandId: randomUUID(), intakeId: other, reason: 'wrong parcel' });
    expect(openHolds()).toEqual([]);
  });

  it('lists holds by age and returns overdue ones to the sender, changing the intake verdict', async () => {
    const id = await decided('GOOD-H4');
    await call('intake.finish', { commandId: randomUUID(), intakeId: id });
    const groups = await call<Array<{ holds: unknown[] }>>('holds.list', {});
    expect(groups.flatMap((g) => g.holds)).toHaveLength(1);
    clock += 31 * DAY_MS;
    expect(station.holds.expire()).toBe(1);
    expect(openHolds()).toEqual([]);
    const view = await call<{ verdict: Verdict }>('intake.get', { intakeId: id });
    expect(view.verdict.decision).toBe('RETURN');
  });

  it('returns holds that went overdue while the station was closed, at the next start', async () => {
    const id = await decided('GOOD-H6');
    await call('intake.finish', { commandId: randomUUID(), intakeId: id });
    await station.close();
    clock += 31 * DAY_MS;
    station = createStation({
      dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
      decide: (_req: VerdictRequest) => next, now: () => clock,
    });
    expect(openHolds()).toEqual([]);
    expect((await call<{ verdict: Verdict }>('intake.get', { intakeId: id })).verdict.decision).toBe('RETURN');
  });

  it('converts holds to returns in a batch, with a note, and refuses an empty note', async () => {
    const id = await decided('GOOD-H5');
    const holdId = (station.db.prepare('SELECT hold_id FROM holds WHERE intake_id = ?').get(id) as { hold_id: string }).hold_id;
    const refused = await dispatchCommand(station.handlers, 'holds.convertToReturn', { commandId: randomUUID(), holdIds: [holdId], note: '' }, { error: () => {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    await call('holds.convertToReturn', { commandId: randomUUID(), holdIds: [holdId], note: 'shipper asked for it back' });
    expect(openHolds()).toEqual([]);
    expect((await call<{ verdict: Verdict }>('intake.get', { intakeId: id })).verdict.decision).toBe('RETURN');
  });
});
