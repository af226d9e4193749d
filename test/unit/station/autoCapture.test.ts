/**
 * The weight interlock through the station core: createStation with a scale the test drives (readings every
 * 100 ms on the station's clock, from the scripted platform), real SQLite, the real intake service and auto-capture.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { EventData } from '../../../shared/contract/events.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import type { ScaleReading } from '../../../shared/scale/reading.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { createPlatform, lb, place, remove, wait, type PlatformAction } from '../scale/platformScript.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let scale: ReturnType<typeof fakeScale>;
let decide: ReturnType<typeof recordingDecider>;
let platform: ReturnType<typeof createPlatform>;
let failures: Array<EventData<'captureFailed'>>;
let logLines: string[];
let emitted: ScaleReading[];

const call = (name: string, request: unknown) => dispatchCommand(station.handlers, name, request, { error: () => {} });
const act = (...actions: PlatformAction[]) => {
  for (const action of actions) {
    for (const tick of platform.run(action)) {
      emitted.push(tick.reading);
      scale.emit(tick.reading);
    }
  }
};
const events = (type: string) =>
  (station.db.prepare('SELECT intake_id, payload FROM events WHERE type = ? ORDER BY seq').all(type) as Array<{ intake_id: string; payload: string }>)
    .map((r): Record<string, unknown> & { intakeId: string } => ({ ...(JSON.parse(r.payload) as Record<string, unknown>), intakeId: r.intake_id }));

async function scan(raw: string): Promise<string> {
  platform.advance(50);
  const intakeId = randomUUID();
  expect(await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' })).toMatchObject({ ok: true, data: { state: 'scanned' } });
  return intakeId;
}
async function sizeAndDecide(intakeId: string) {
  expect((await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' })).ok).toBe(true);
  expect(await call('intake.commitVerdict', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: true, data: { state: 'decided' } });
}
const weightOf = async (intakeId: string) => ((await call('intake.get', { intakeId })) as { ok: true; data: { weight: unknown } }).data.weight;

beforeEach(() => {
  temp = makeTempDir('auto-capture');
  scale = fakeScale();
  decide = recordingDecider(ACCEPT);
  platform = createPlatform(1_700_000_000_000);
  logLines = [];
  emitted = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  station = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale, classify: fakeClassify, decide, now: platform.now, logger,
  });
  failures = [];
  station.events.subscribe('captureFailed', (failure) => failures.push(failure));
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

describe('auto-capture with the weight interlock', () => {
  it('leaves the previous parcel on the platform: no weight for the next label until it is taken off and the next put on', async () => {
    const first = await scan('GOOD-1');
    act(place('6.50'));
    expect(await weightOf(first)).toMatchObject({ mass: lb('6.50'), source: 'scale' });
    await sizeAndDecide(first);

    const second = await scan('GOOD-2');
    act(wait(30));
    expect(await weightOf(second)).toBeNull();
    act(remove(), place('46.20'));
    const weight = await weightOf(second);
    expect(weight).toMatchObject({ mass: lb('46.20'), source: 'scale', reading: { correction: false } });
    const captured = events('WEIGHT_CAPTURED').filter((e) => e.intakeId === second);
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({ mass: lb('46.20'), automatic: true, reading: (weight as { reading: unknown }).reading });
    // The reading it came from: the station's reading number and the reading's own time stamp.
    const source = captured[0]!.reading as { seq: number; at: number; heldSince: number };
    expect(emitted[source.seq - 1]).toMatchObject({ at: source.at, value: lb('46.20'), status: 'stable' });
    expect(source.at - source.heldSince).toBeGreaterThanOrEqual(station.settings().autoCaptureSettleMs);
  });

  it('takes a parcel swapped in without an empty platform when its weight is clearly different, and not one of the same weight', async () => {
    const first = await scan('GOOD-1');
    act(place('6.50'));
    await sizeAndDecide(first);
    const second = await scan('GOOD-2');
    act(place('6.52'), wait(10));
    expect(await weightOf(second)).toBeNull();
    act(place('12.00'));
    expect(await weightOf(second)).toMatchObject({ mass: lb('12.00') });
  });

  it('a slow removal and a jiggled platform give the next label nothing; the parcel put on after them is taken', async () => {
    const first = await scan('GOOD-1');
    act(place('8.00'), { kind: 'jiggle', motionTicks: 3, offsetSteps: 1, stableTicks: 10 });
    expect(events('WEIGHT_CAPTURED')).toHaveLength(1);
    await sizeAndDecide(first);
    const second = await scan('GOOD-2');
    act({ kind: 'jiggle', motionTicks: 3, offsetSteps: -1, stableTicks: 10 }, { kind: 'slowRemove', steps: 5, pauseTicks: 4, zeroTicks: 2 });
    expect(await weightOf(second)).toBeNull();
    act(place('8.00'));
    expect(await weightOf(second)).toMatchObject({ mass: lb('8.00') });
    expect(events('WEIGHT_CAPTURED').map((e) => e.intakeId)).toEqual([first, second]);
  });

  it('a weight that changes after the decision is taken again and the parcel decided again with it', async () => {
    const id = await scan('GOOD-1');
    act(place('4.00'));
    await sizeAndDecide(id);
    expect(decide.calls.map((c) => c.mass)).toEqual([lb('4.00')]);
    act(place('5.10'));
    expect(decide.calls.map((c) => c.mass)).toEqual([lb('4.00'), lb('5.10')]);
    const view = await call('intake.get', { intakeId: id });
    expect(view).toMatchObject({ ok: true, data: { state: 'decided', weight: { mass: lb('5.10'), reading: { correction: true } } } });
    expect(events('WEIGHT_CAPTURED').at(-1)).toMatchObject({ mass: lb('5.10'), previousMass: lb('4.00'), reading: { correction: true } });
    expect(events('VERDICT_COMMITTED').map((e) => [e.mass, e.cause])).toEqual([[lb('4.00'), undefined], [lb('5.10'), 'weight-corrected']]);
  });

  it('the capture button refuses the previous parcel still on the platform, with a typed code', async () => {
    const first = await scan('GOOD-1');
    act(place('6.50'));
    await sizeAndDecide(first);
    const second = await scan('GOOD-2');
    const refused = await call('intake.captureWeight', { commandId: randomUUID(), intakeId: second });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SCALE_PREVIOUS_LOAD', message: expect.stringContaining('Take it off') } });
    expect(await weightOf(second)).toBeNull();
    act(remove(), place('2.00', 2));
    const pressed = await call('intake.captureWeight', { commandId: randomUUID(), intakeId: second });
    expect(pressed).toMatchObject({ ok: true, data: { weight: { mass: lb('2.00'), source: 'scale', reading: { seq: null, correction: false } } } });
    act(wait(10));
    expect(events('WEIGHT_CAPTURED').filter((e) => e.intakeId === second)).toHaveLength(1);
  });

  it('never overwrites a typed weight', async () => {
    const id = await scan('GOOD-1');
    expect((await call('intake.captureWeight', { commandId: randomUUID(), intakeId: id, manual: { value: '3.25', unit: 'lb', reason: 'scale broken' } })).ok).toBe(true);
    act(place('9.00'), place('12.00'));
    expect(await weightOf(id)).toEqual({ mass: lb('3.25'), unit: 'lb', source: 'manual', manualReason: 'scale broken' });
    expect(events('WEIGHT_CAPTURED')).toHaveLength(1);
  });

  it('a capture that cannot be stored reaches the screen as captureFailed with its code and the log; the weight is taken once it can be', async () => {
    const id = await scan('GOOD-1');
    const pages = station.db.pragma('page_count', { simple: true }) as number;
    station.db.pragma(`max_page_count = ${pages}`);
    // Each new load is a correction of the parcel's weight (a new event) until the disk is full.
    let load = 1;
    for (; failures.length === 0 && load < 500; load++) act(place(`${load}.00`));
    const failedLoad = load - 1;
    expect(failures).toEqual([{ code: 'STORAGE_FULL', message: expect.stringContaining('disk is full'), intakeId: id, mass: lb(`${failedLoad}.00`), readingAt: expect.any(Number) }]);
    expect(logLines.some((line) => line.includes('automatic weight capture failed') && line.includes('STORAGE_FULL'))).toBe(true);
    expect(await weightOf(id)).toMatchObject({ mass: lb(`${failedLoad - 1}.00`) });
    station.db.pragma('max_page_count = 1073741823');
    act(wait(10));
    expect(failures).toHaveLength(1);
    act({ kind: 'jiggle', motionTicks: 2, offsetSteps: 0, stableTicks: 10 });
    expect(await weightOf(id)).toMatchObject({ mass: lb(`${failedLoad}.00`), source: 'scale', reading: { correction: true } });
  });
});
