/**
 * Station time in the station (issue 14, M1 and M2): hold ages never follow a jumping wall clock, a restart does not
 * count the time off until HQ's time confirms it, and a clock before every rate card stops verdicts with CLOCK_SKEW.
 * The wall and monotonic clocks are injected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { rulesDecider } from '../../../electron/station/openConfiguredStation.ts';
import { seedDemoData } from '../../../electron/station/demoSeed.ts';
import { findManifest } from '../../../electron/db/queries/manifests.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { DAY_MS } from '../../../shared/rules/holdAging.ts';
import type { HoldBucketGroup } from '../../../shared/rules/holdAging.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { StationError } from '../../../electron/station/stationError.ts';
import type { VerdictDecider } from '../../../electron/station/stationPorts.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };
const REAL = Date.UTC(2026, 10, 1);

let temp: ReturnType<typeof makeTempDir> | null = null;
let station: Station | null = null;
afterEach(async () => {
  await station?.close();
  station = null;
  temp?.cleanup();
  temp = null;
});

const clocks = { wall: REAL, mono: 0 };
function open(dir: string, decide: (s: () => Station) => VerdictDecider = () => () => HOLD): Station {
  let s: Station | null = null;
  s = createStation({ signedInAs: TEST_LEAD,
    dataDir: dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: decide(() => s!), now: () => clocks.wall, mono: () => clocks.mono,
  });
  return s;
}
async function call<T>(name: string, request: unknown): Promise<T> {
  const r = await dispatchCommand(station!.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new StationError(r.error.code, r.error.message);
  return r.data as T;
}
async function held(raw: string): Promise<string> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2', unit: 'lb', reason: 'test' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '8', height: '6', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  return intakeId;
}
const ages = (groups: HoldBucketGroup[]) => groups.flatMap((g) => g.holds.map((h) => ({ bucket: g.bucket, ageDays: h.ageDays })));

describe('hold ages use station time', () => {
  it('M1: a wall clock 40 days ahead does not return a hold placed 20 s earlier, before or after a restart', async () => {
    temp = makeTempDir('clock');
    clocks.wall = REAL;
    clocks.mono = 0;
    station = open(temp.dir);
    await held('GOOD-CLOCK-1');
    // The wall clock jumps 40 days; 20 s really pass.
    clocks.wall = REAL + 40 * DAY_MS;
    clocks.mono = 20_000;
    expect(station.holds.expire()).toBe(0);
    expect(ages(await call<HoldBucketGroup[]>('holds.list', {}))).toEqual([{ bucket: 'new', ageDays: 0 }]);
    const info = await call<{ clockWarning: { problem: string; message: string } | null }>('station.info', {});
    expect(info.clockWarning?.problem).toBe('JUMPED');
    expect(info.clockWarning?.message).not.toMatch(/[{}]|Error|CLOCK_SKEW/);

    // Restarted with the wall clock still 40 days ahead: the gap is not counted.
    await station.close();
    clocks.mono = 0;
    station = open(temp.dir);
    clocks.mono = 60_000;
    expect(station.holds.expire()).toBe(0);
    expect(ages(await call<HoldBucketGroup[]>('holds.list', {}))[0]?.ageDays).toBe(0);

    // HQ's time says 31 days really passed: now the hold is overdue and becomes a return.
    station.clock.learnHqTime(REAL + 31 * DAY_MS);
    expect(ages(await call<HoldBucketGroup[]>('holds.list', {}))[0]?.bucket).toBe('expired');
    expect(station.holds.expire()).toBe(1);
    const info2 = await call<{ clockWarning: { problem: string } | null }>('station.info', {});
    expect(info2.clockWarning?.problem).toBe('SKEWED_FROM_HQ');
  });

  it('a wall clock that keeps time with the monotonic clock ages holds as before', async () => {
    temp = makeTempDir('clock');
    clocks.wall = REAL;
    clocks.mono = 0;
    station = open(temp.dir);
    await held('GOOD-CLOCK-2');
    for (let day = 1; day <= 31; day++) {
      clocks.wall += DAY_MS;
      clocks.mono += DAY_MS;
      station.holds.expire();
    }
    expect(ages(await call<HoldBucketGroup[]>('holds.list', {}))).toEqual([]);
    expect((await call<{ clockWarning: unknown }>('station.info', {})).clockWarning).toBeNull();
  });
});

describe('verdicts stop with CLOCK_SKEW on a clock the station cannot trust', () => {
  function demoStation(): Station {
    temp = makeTempDir('clock-verdict');
    const s = open(temp.dir, rulesDecider);
    seedDemoData(s.db, REAL);
    return s;
  }
  const request = (s: Station, now: number) => ({ manifest: findManifest(s.db, 'APELAX1040000101'), mass: 23223929344000, damaged: false, dims: null, now });

  it('M2: a clock before every rate card starts gives CLOCK_SKEW, not RETURN "destination not served"', () => {
    station = demoStation();
    clocks.wall = Date.UTC(2020, 0, 1);
    clocks.mono = 0;
    const decide = rulesDecider(() => station!);
    let thrown: unknown = null;
    try {
      decide(request(station, clocks.wall));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StationError);
    expect((thrown as StationError).code).toBe('CLOCK_SKEW');
    expect((thrown as StationError).message).toMatch(/before every rate card/);
  });

  it('a clock far from HQ time gives CLOCK_SKEW; the same parcel is decided once the clock agrees with HQ', () => {
    clocks.wall = REAL;
    clocks.mono = 0;
    station = demoStation();
    const decide = rulesDecider(() => station!);
    expect(decide(request(station, clocks.wall)).decision).toBe('ACCEPT');
    station.clock.learnHqTime(REAL + 2 * DAY_MS);
    expect(() => decide(request(station!, clocks.wall))).toThrow(/behind HQ's time/);
    clocks.wall = REAL + 2 * DAY_MS + 1000;
    clocks.mono += 1000;
    station.clock.learnHqTime(REAL + 2 * DAY_MS + 1000);
    expect(decide(request(station, clocks.wall)).decision).toBe('ACCEPT');
  });
});
