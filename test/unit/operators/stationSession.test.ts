import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { addOperator } from '../../../electron/station/operatorRoster.ts';
import { SIGN_IN_LOCK_MS, SIGN_IN_MAX_FAILURES } from '../../../electron/station/stationSession.ts';
import type { SessionState } from '../../../shared/contract/operators.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = Date.UTC(2026, 10, 1, 15);
const sessions: SessionState[] = [];
const call = (name: string, request: unknown): Promise<Result<unknown>> => dispatchCommand(station.handlers, name, request, { error: () => {} });
const data = async <T>(name: string, request: unknown): Promise<T> => {
  const r = await call(name, request);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};
const count = (sql: string) => (station.db.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  temp = makeTempDir('session');
  sessions.length = 0;
  station = createStation({ dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => HOLD, now: () => clock });
  station.events.subscribe('session', (s) => sessions.push(s));
  await addOperator(station.db, { operatorId: '1001', name: 'Dana Reyes', role: 'operator', pin: '1234' }, clock);
  await addOperator(station.db, { operatorId: '9001', name: 'Lee Park', role: 'lead', pin: '9999' }, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function heldParcel(raw: string): Promise<string> {
  const intakeId = randomUUID();
  await data('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  await data('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2', unit: 'lb', reason: 'test' } });
  await data('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '8', height: '6', unit: 'in' });
  await data('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  return intakeId;
}

describe('the station session', () => {
  it('signed out, the station draws itself but records nothing; a wrong PIN, an unknown id and a disabled operator get one answer', async () => {
    expect(await call('station.info', {})).toMatchObject({ ok: true });
    expect(await call('session.current', {})).toEqual({ ok: true, data: { session: null, lastSignOut: null } });
    expect(await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD-1', source: 'wedge' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(count('SELECT count(*) AS n FROM intakes')).toBe(0);
    expect(await call('session.signIn', { operatorId: '1001', pin: '4321' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED', field: 'pin' } });
    expect(await call('session.signIn', { operatorId: '4444', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    await data('operators.update', { commandId: randomUUID(), operatorId: '1001', active: false });
    await data('session.signOut', {});
    expect(await call('session.signIn', { operatorId: '1001', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
  });

  it('sign in, take in a parcel, a forged lead command is refused, then a lead releases it: each record names its person', async () => {
    const signedIn = await data<SessionState>('session.signIn', { operatorId: '1001', pin: '1234' });
    expect(signedIn.session).toMatchObject({ operatorId: '1001', name: 'Dana Reyes', role: 'operator' });
    const intakeId = await heldParcel('GOOD-2');
    expect(station.db.prepare('SELECT operator FROM intakes WHERE intake_id = ?').get(intakeId)).toEqual({ operator: '1001' });
    const holdId = (station.db.prepare("SELECT hold_id FROM holds WHERE state = 'held'").get() as { hold_id: string }).hold_id;
    const release = { commandId: randomUUID(), holdIds: [holdId], note: 'ID arrived by phone' };
    // The screen hides the button; a client that sends the command anyway is refused by the core.
    for (const [name, request] of [
      ['holds.release', release], ['holds.convertToReturn', release], ['settings.update', { soundMuted: true }], ['sync.deadLetters', { limit: 10 }],
      ['operators.add', { commandId: randomUUID(), operatorId: '1002', name: 'Sam', role: 'lead', pin: '1111' }], ['operators.list', {}],
    ] as const) {
      expect(await call(name, request)).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });
    }
    expect(count("SELECT count(*) AS n FROM holds WHERE state = 'held'")).toBe(1);
    expect(count('SELECT count(*) AS n FROM operators')).toBe(2);
    expect(station.settings().soundMuted).toBe(false);

    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    await data('holds.release', release);
    expect(count("SELECT count(*) AS n FROM holds WHERE state = 'released'")).toBe(1);
    expect(station.db.prepare('SELECT operator FROM hold_audit ORDER BY rowid DESC LIMIT 1').get()).toEqual({ operator: '9001' });
    expect(sessions.map((s) => s.session?.operatorId ?? null)).toEqual(['1001', null, '9001']);
  });

  it('signs out after the idle time from the settings and says why; a command or a touch starts the time again', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    await data('settings.update', { idleSignOutMinutes: 5 });
    clock += 4 * 60_000;
    await data('session.touch', {});
    clock += 4 * 60_000;
    station.session.checkIdle();
    expect(station.session.state().session).not.toBeNull();
    clock += 60_000;
    station.session.checkIdle();
    const state = await data<SessionState>('session.current', {});
    expect(state).toEqual({ session: null, lastSignOut: { name: 'Lee Park', cause: 'idle', idleMinutes: 5, at: clock } });
    expect(sessions.at(-1)).toEqual(state);
    expect(await call('holds.list', {})).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
  });

  it(`locks an id for a minute after ${SIGN_IN_MAX_FAILURES} wrong PINs, even against the right one`, async () => {
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) expect(await call('session.signIn', { operatorId: '1001', pin: '0000' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    expect(await call('session.signIn', { operatorId: '1001', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_LOCKED' } });
    expect(await call('session.signIn', { operatorId: '9001', pin: '9999' })).toMatchObject({ ok: true });
    clock += SIGN_IN_LOCK_MS;
    expect(await call('session.signIn', { operatorId: '1001', pin: '1234' })).toMatchObject({ ok: true });
  });

  it('a lead manages operators: add, change role, disable, reset PIN; never the last lead; a PIN hash never leaves the station', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    const added = await data('operators.add', { commandId: randomUUID(), operatorId: 'ab12', name: 'Sam Ortiz', role: 'operator', pin: '2468' });
    expect(added).toEqual({ operatorId: 'AB12', name: 'Sam Ortiz', role: 'operator', active: true });
    expect(await call('operators.add', { commandId: randomUUID(), operatorId: 'AB12', name: 'Other', role: 'operator', pin: '2468' })).toMatchObject({ ok: false, error: { code: 'OPERATOR_EXISTS' } });
    expect(await call('operators.update', { commandId: randomUUID(), operatorId: '9001', role: 'operator' })).toMatchObject({ ok: false, error: { code: 'LAST_LEAD' } });
    expect(await call('operators.update', { commandId: randomUUID(), operatorId: '9001', active: false })).toMatchObject({ ok: false, error: { code: 'LAST_LEAD' } });
    await data('operators.update', { commandId: randomUUID(), operatorId: 'AB12', role: 'lead' });
    await data('operators.resetPin', { commandId: randomUUID(), operatorId: '1001', pin: '5678' });
    const list = await data<unknown[]>('operators.list', {});
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pin/i);
    expect(list).toEqual([
      { operatorId: '1001', name: 'Dana Reyes', role: 'operator', active: true },
      { operatorId: '9001', name: 'Lee Park', role: 'lead', active: true },
      { operatorId: 'AB12', name: 'Sam Ortiz', role: 'lead', active: true },
    ]);
    // Demoting oneself applies at once: the signed-in lead is now an operator.
    await data('operators.update', { commandId: randomUUID(), operatorId: '9001', role: 'operator' });
    expect(await call('operators.list', {})).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });
    await data('session.signOut', {});
    expect(await call('session.signIn', { operatorId: '1001', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    expect(await call('session.signIn', { operatorId: '1001', pin: '5678' })).toMatchObject({ ok: true });
  });
});
