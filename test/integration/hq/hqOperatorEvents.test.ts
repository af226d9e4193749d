/**
 * Operator events reach HQ (issue 12 item 1), on PGlite and on PostgreSQL: a real station core adds an operator,
 * changes them, resets their PIN, and they sign in and out; the station's outbox, pushed as the sync service sends it
 * (toWireBatch), is stored whole at HQ with no intake id, and hq_operators shows each operator's latest state for the
 * station and its warehouse. HQ knows the types: a malformed operator event, or one carrying a PIN hash, is refused
 * alone with INVALID_PAYLOAD; an event with no intake id is stored on the careful path (a duplicate event id) too.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { addOperator } from '../../../electron/station/operatorRoster.ts';
import { readPendingEvents } from '../../../electron/db/queries/outbox.ts';
import { toWireBatch } from '../../../electron/sync/toWireEvents.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { wireEvent } from '../sync/fixtures.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = 1_780_000_000_000;

async function call(name: string, request: object): Promise<void> {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
}

beforeEach(async () => {
  temp = makeTempDir('hq-operators');
  station = createStation({ dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale: fakeScale(), classify: fakeClassify, decide: () => HOLD, now: () => (clock += 1000) });
  await addOperator(station.db, { operatorId: '9001', name: 'Lee Park', role: 'lead', pin: '9999' }, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function operatorOutbox(): Promise<{ events: unknown[]; lastSeq: number }> {
  await call('session.signIn', { operatorId: '9001', pin: '9999' });
  await call('operators.add', { commandId: randomUUID(), operatorId: '1002', name: 'Sam Ortiz', role: 'operator', pin: '5555' });
  await call('operators.update', { commandId: randomUUID(), operatorId: '1002', name: 'Sam J. Ortiz' });
  await call('operators.resetPin', { commandId: randomUUID(), operatorId: '1002', pin: '6666' });
  await call('session.signIn', { operatorId: '1002', pin: '6666' }); // signs Lee out first
  const batch = toWireBatch(readPendingEvents(station.db, 1000), 16 * 1024 * 1024);
  if (!batch) throw new Error('nothing in the outbox');
  return { events: batch.events, lastSeq: batch.lastSeq };
}

describeEachBackend('HQ stores operator events', (h) => {
  const push = async (token: string, events: unknown[]) => {
    const app = buildHqServer({ db: h.db });
    const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ protocol: 1, stationId: 'LAX-01', events }) });
    await app.close();
    return res;
  };

  it('stores the station’s operator events with no intake, and hq_operators shows each person’s latest state', async () => {
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const { events, lastSeq } = await operatorOutbox();
    const res = await push(token, events);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ackSeq: lastSeq, rejected: [] });
    const stored = await h.db.query<{ type: string; intake_id: string | null; payload: unknown }>(
      "SELECT type, intake_id, payload FROM station_events WHERE station_id = 'LAX-01' ORDER BY seq",
    );
    expect(stored.rows.map((r) => r.type)).toEqual([
      'OPERATOR_ADDED', 'OPERATOR_SIGNED_IN', 'OPERATOR_ADDED', 'OPERATOR_UPDATED', 'OPERATOR_PIN_RESET', 'OPERATOR_SIGNED_OUT', 'OPERATOR_SIGNED_IN',
    ]);
    expect(stored.rows.every((r) => r.intake_id === null)).toBe(true);
    expect(JSON.stringify(stored.rows.map((r) => r.payload))).not.toMatch(/pin|scrypt/i);

    const operators = await h.db.query<Record<string, unknown>>(
      'SELECT station_id, warehouse, operator_id, name, role, active, signed_in, last_event FROM hq_operators ORDER BY operator_id',
    );
    expect(operators.rows).toEqual([
      { station_id: 'LAX-01', warehouse: 'LAX', operator_id: '1002', name: 'Sam J. Ortiz', role: 'operator', active: true, signed_in: true, last_event: 'OPERATOR_SIGNED_IN' },
      { station_id: 'LAX-01', warehouse: 'LAX', operator_id: '9001', name: 'Lee Park', role: 'lead', active: true, signed_in: false, last_event: 'OPERATOR_SIGNED_OUT' },
    ]);

    // The lead disables Sam later: the next push moves Sam's latest state on.
    await call('session.signIn', { operatorId: '9001', pin: '9999' });
    await call('operators.update', { commandId: randomUUID(), operatorId: '1002', active: false });
    const next = toWireBatch(readPendingEvents(station.db, 1000).filter((e) => e.seq > lastSeq), 16 * 1024 * 1024);
    expect((await push(token, next?.events ?? [])).json()).toMatchObject({ rejected: [] });
    const sam = await h.db.query<{ active: boolean; signed_in: boolean }>("SELECT active, signed_in FROM hq_operators WHERE operator_id = '1002'");
    expect(sam.rows).toEqual([{ active: false, signed_in: false }]);
  });

  it('refuses alone a malformed operator event and one carrying a PIN hash; stores one with no intake on the careful path', async () => {
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const first = wireEvent(1);
    const good = { operatorId: '1002', name: 'Sam Ortiz', role: 'operator', active: true, by: '9001' };
    const res = await push(token, [
      first,
      wireEvent(2, { intakeId: null, type: 'OPERATOR_ADDED', payload: { ...good, pinHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' } }),
      wireEvent(3, { intakeId: null, type: 'OPERATOR_SIGNED_OUT', payload: { operatorId: '1002', cause: 'lunch', idleMinutes: null } }),
      wireEvent(4, { intakeId: null, type: 'OPERATOR_ADDED', payload: good }),
      // The same event id as seq 1: COPY fails, the push is stored row by row and only this one is refused.
      wireEvent(5, { eventId: first.eventId }),
    ]);
    expect(res.json()).toMatchObject({
      ackSeq: 5,
      rejected: [{ seq: 2, code: 'INVALID_PAYLOAD' }, { seq: 3, code: 'INVALID_PAYLOAD' }, { seq: 5, code: 'DUPLICATE_EVENT_ID' }],
    });
    const stored = await h.db.query<{ seq: unknown; intake_id: string | null }>("SELECT seq, intake_id FROM station_events WHERE station_id = 'LAX-01' ORDER BY seq");
    expect(stored.rows.map((r) => [Number(r.seq), r.intake_id === null])).toEqual([[1, false], [4, true]]);
  });
});
