/**
 * Operator events for HQ (issue 12 item 1): every roster change and every sign-in and sign-out is written as an event
 * with its outbox row, about no intake, in the same transaction as the change; a change whose event cannot be
 * written does not happen (a sign-out always does); a retried command is recorded once; no payload ever holds a PIN
 * or a PIN hash. The sign-in/out sequence is checked against a model with fast-check.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { addOperator } from '../../../electron/station/operatorRoster.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };
const PINS: Readonly<Record<string, string>> = { '1001': '1234', '9001': '9999' };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = Date.UTC(2026, 10, 1, 15);
const call = (name: string, request: unknown): Promise<Result<unknown>> => dispatchCommand(station.handlers, name, request, { error: () => {} });
const data = async <T>(name: string, request: unknown): Promise<T> => {
  const r = await call(name, request);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};

interface LoggedEvent { seq: number; command_id: string; intake_id: string | null; type: string; payload: Record<string, unknown>; outbox: string | null }
const operatorEvents = (): LoggedEvent[] =>
  (station.db.prepare(`SELECT e.seq, e.command_id, e.intake_id, e.type, e.payload, o.state AS outbox FROM events e LEFT JOIN outbox o ON o.seq = e.seq
                        WHERE e.type LIKE 'OPERATOR_%' ORDER BY e.seq`).all() as Array<Omit<LoggedEvent, 'payload'> & { payload: string }>)
    .map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }));
const failEventWrites = (): void => { station.db.exec("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;"); };
const allowEventWrites = (): void => { station.db.exec('DROP TRIGGER temp.fail_events'); };

beforeEach(async () => {
  temp = makeTempDir('operator-events');
  station = createStation({ dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => HOLD, now: () => clock });
  await addOperator(station.db, { operatorId: '1001', name: 'Dana Reyes', role: 'operator', pin: PINS['1001']! }, clock);
  await addOperator(station.db, { operatorId: '9001', name: 'Lee Park', role: 'lead', pin: PINS['9001']! }, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

describe('operator events', () => {
  it('writes each roster change and session change as an event with a pending outbox row, naming the lead who made it', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    const add = randomUUID();
    const update = randomUUID();
    const reset = randomUUID();
    await data('operators.add', { commandId: add, operatorId: '1002', name: 'Sam Ortiz', role: 'operator', pin: '5555' });
    await data('operators.update', { commandId: update, operatorId: '1002', role: 'lead' });
    await data('operators.resetPin', { commandId: reset, operatorId: '1002', pin: '6666' });
    await data('session.signOut', {});

    const events = operatorEvents();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['OPERATOR_ADDED', { operatorId: '1001', name: 'Dana Reyes', role: 'operator', active: true, by: null }],
      ['OPERATOR_ADDED', { operatorId: '9001', name: 'Lee Park', role: 'lead', active: true, by: null }],
      ['OPERATOR_SIGNED_IN', { operatorId: '9001', name: 'Lee Park', role: 'lead' }],
      ['OPERATOR_ADDED', { operatorId: '1002', name: 'Sam Ortiz', role: 'operator', active: true, by: '9001' }],
      ['OPERATOR_UPDATED', { operatorId: '1002', name: 'Sam Ortiz', role: 'lead', active: true, by: '9001' }],
      ['OPERATOR_PIN_RESET', { operatorId: '1002', by: '9001' }],
      ['OPERATOR_SIGNED_OUT', { operatorId: '9001', cause: 'signedOut', idleMinutes: null }],
    ]);
    expect(events.every((e) => e.intake_id === null && e.outbox === 'pending')).toBe(true);
    expect(events.slice(3, 6).map((e) => e.command_id)).toEqual([add, update, reset]);
    expect(new Set(events.map((e) => e.command_id)).size).toBe(events.length);
  });

  it('records a retried command once and answers the operator as they are', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    const commandId = randomUUID();
    const first = await data('operators.update', { commandId, operatorId: '1001', name: 'Dana R. Reyes' });
    const again = await data('operators.update', { commandId, operatorId: '1001', name: 'Dana R. Reyes' });
    expect(again).toEqual(first);
    expect(operatorEvents().filter((e) => e.command_id === commandId)).toHaveLength(1);
    const addId = randomUUID();
    await data('operators.add', { commandId: addId, operatorId: '1003', name: 'Kim Wu', role: 'operator', pin: '4444' });
    expect(await call('operators.add', { commandId: addId, operatorId: '1003', name: 'Kim Wu', role: 'operator', pin: '4444' }))
      .toEqual({ ok: true, data: { operatorId: '1003', name: 'Kim Wu', role: 'operator', active: true } });
    expect(operatorEvents().filter((e) => e.command_id === addId)).toHaveLength(1);
  });

  it('never puts a PIN or a PIN hash into any event', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    await data('operators.add', { commandId: randomUUID(), operatorId: '1002', name: 'Sam Ortiz', role: 'operator', pin: '5555' });
    await data('operators.resetPin', { commandId: randomUUID(), operatorId: '1001', pin: '7777' });
    await data('session.signIn', { operatorId: '1002', pin: '5555' });
    const hashes = station.db.prepare('SELECT pin_hash FROM operators').pluck().all() as string[];
    const texts = station.db.prepare('SELECT payload FROM events').pluck().all() as string[];
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) {
      expect(text).not.toMatch(/pin/i);
      expect(text).not.toMatch(/scrypt/);
      for (const hash of hashes) expect(text).not.toContain(hash.split('$').at(-1));
      for (const pin of ['9999', '5555', '7777', '1234']) expect(text).not.toContain(pin);
    }
  });

  it('a change whose event cannot be written does not happen; a sign-out always does', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    const before = operatorEvents().length;
    failEventWrites();
    expect(await call('operators.update', { commandId: randomUUID(), operatorId: '1001', name: 'Changed' })).toMatchObject({ ok: false });
    expect(await call('operators.add', { commandId: randomUUID(), operatorId: '1004', name: 'New', role: 'operator', pin: '4321' })).toMatchObject({ ok: false });
    expect(await data('operators.list', {})).toEqual([
      { operatorId: '1001', name: 'Dana Reyes', role: 'operator', active: true },
      { operatorId: '9001', name: 'Lee Park', role: 'lead', active: true },
    ]);
    expect(await data('session.signOut', {})).toMatchObject({ session: null, lastSignOut: { cause: 'signedOut' } });
    expect(await call('session.signIn', { operatorId: '1001', pin: '1234' })).toMatchObject({ ok: false });
    expect(await data('session.current', {})).toMatchObject({ session: null });
    allowEventWrites();
    expect(operatorEvents()).toHaveLength(before);
  });

  it('an operator event HQ refused is shown to the lead as a dead letter about no parcel', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    const seq = operatorEvents().at(-1)!.seq;
    station.db.prepare("UPDATE outbox SET state = 'dead' WHERE seq = ?").run(seq);
    station.db.prepare("INSERT INTO sync_dead_letters (seq, code, message, dead_at) VALUES (?, 'INVALID_PAYLOAD', 'refused', ?)").run(seq, clock);
    expect(await data('sync.deadLetters', { limit: 10 })).toEqual([expect.objectContaining({ seq, intakeId: null, type: 'OPERATOR_SIGNED_IN' })]);
    expect(await data('exceptions.list', { limit: 10 })).toMatchObject({ deadLetters: [{ seq, intakeId: null, type: 'OPERATOR_SIGNED_IN' }] });
  });

  it('sign-ins and sign-outs, in any order, leave exactly the events a model of the session predicts', async () => {
    await data('session.signIn', { operatorId: '9001', pin: '9999' });
    await data('settings.update', { idleSignOutMinutes: 5 });
    type Step = { kind: 'signIn'; operatorId: string; rightPin: boolean } | { kind: 'signOut' } | { kind: 'idle' } | { kind: 'disable'; operatorId: string };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('signIn' as const), operatorId: fc.constantFrom('1001', '9001'), rightPin: fc.boolean() }),
      fc.constant({ kind: 'signOut' as const }),
      fc.constant({ kind: 'idle' as const }),
      fc.constant({ kind: 'disable' as const, operatorId: '1001' }),
    );
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 6 }), async (steps) => {
      station.session.signOut('signedOut');
      station.session.startAs({ operatorId: '9001', name: 'Lee Park', role: 'lead' });
      await data('operators.update', { commandId: randomUUID(), operatorId: '1001', active: true });
      station.session.signOut('signedOut');
      const from = operatorEvents().at(-1)?.seq ?? 0;
      const expected: Array<[string, Record<string, unknown>]> = [];
      let signedIn: string | null = null;
      let active1001 = true;
      for (const s of steps) {
        if (s.kind === 'signIn') {
          const ok = s.rightPin && (s.operatorId !== '1001' || active1001);
          const r = await call('session.signIn', { operatorId: s.operatorId, pin: s.rightPin ? PINS[s.operatorId] : '0000' });
          expect(r.ok).toBe(ok);
          if (!ok) continue;
          if (signedIn !== null && signedIn !== s.operatorId) expected.push(['OPERATOR_SIGNED_OUT', { operatorId: signedIn, cause: 'signedOut', idleMinutes: null }]);
          const name = s.operatorId === '1001' ? 'Dana Reyes' : 'Lee Park';
          expected.push(['OPERATOR_SIGNED_IN', { operatorId: s.operatorId, name, role: s.operatorId === '1001' ? 'operator' : 'lead' }]);
          signedIn = s.operatorId;
        } else if (s.kind === 'signOut') {
          await data('session.signOut', {});
          if (signedIn !== null) expected.push(['OPERATOR_SIGNED_OUT', { operatorId: signedIn, cause: 'signedOut', idleMinutes: null }]);
          signedIn = null;
        } else if (s.kind === 'idle') {
          clock += 5 * 60_000;
          station.session.checkIdle();
          if (signedIn !== null) expected.push(['OPERATOR_SIGNED_OUT', { operatorId: signedIn, cause: 'idle', idleMinutes: 5 }]);
          signedIn = null;
        } else if (signedIn === '9001') {
          // Only the lead may disable; the model keeps the rule: signed in as someone else, the command is refused.
          await data('operators.update', { commandId: randomUUID(), operatorId: s.operatorId, active: false });
          expected.push(['OPERATOR_UPDATED', { operatorId: '1001', name: 'Dana Reyes', role: 'operator', active: false, by: '9001' }]);
          active1001 = false;
        }
      }
      const got = operatorEvents().filter((e) => e.seq > from).map((e) => [e.type, e.payload]);
      expect(got).toEqual(expected);
    }), { numRuns: 12 });
  }, 60_000);
});
