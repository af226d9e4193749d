/**
 * H1 and its relatives at HQ, on PGlite and on PostgreSQL: one event carrying NUL, a lone surrogate, a direction
 * override, `payload: null`, a payload nested 5000 levels deep, or the wrong shape for its type is refused ALONE,
 * with a typed reason, and every other event of the same push is stored. HQ answers 200, never 500.
 */
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { wireEvent } from '../sync/fixtures.ts';
import type { RejectionCode } from '../../../shared/sync/pushWire.ts';

/** JSON text nested `levels` deep (built as text: JSON.stringify itself overflows the stack on such values). */
const nestedJson = (levels: number) => `${'{"v":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`;
const DEEP = '__DEEP__';
const body = (events: unknown[]) => JSON.stringify({ protocol: 1, stationId: 'LAX-01', events }).replace(`"${DEEP}"`, nestedJson(5000));

/** Each hostile event, by the reason HQ must give. Built as JSON text where JSON.stringify would not send it as is. */
const HOSTILE: ReadonlyArray<{ name: string; code: RejectionCode; event: (seq: number) => Record<string, unknown> }> = [
  { name: 'NUL in a payload string', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { type: 'INTAKE_SCANNED', payload: { raw: '\u0000APELAX1040039963', source: 'serial', kind: 'ape', carrier: null, tracking: null, waybill: null, prealert: false } }) },
  { name: 'NUL in an operator name', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { type: 'WEIGHT_CAPTURED', payload: { mass: 1000, unit: 'lb', source: 'manual', reason: 'typed', operator: 'Dana\u0000' } }) },
  { name: 'a lone surrogate', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { payload: { note: 'broken \ud800 text' } }) },
  { name: 'a lone surrogate in a key', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { payload: { ['k\udc00']: 1 } }) },
  { name: 'NUL in the event id', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { eventId: `e\u0000${s}` }) },
  { name: 'a right-to-left override', code: 'UNSAFE_TEXT', event: (s) => wireEvent(s, { payload: { operator: 'Dana\u202e' } }) },
  { name: 'payload: null', code: 'INVALID_PAYLOAD', event: (s) => wireEvent(s, { payload: null }) },
  { name: 'an array payload', code: 'INVALID_PAYLOAD', event: (s) => wireEvent(s, { payload: [1, 2] }) },
  { name: 'a payload nested 5000 levels', code: 'TOO_DEEP', event: (s) => wireEvent(s, { payload: { deep: DEEP } }) },
  { name: 'a known type with the wrong shape', code: 'INVALID_PAYLOAD', event: (s) => wireEvent(s, { type: 'DIMENSIONS_SET', payload: { length: 'big' } }) },
];

async function pushText(app: FastifyInstance, token: string, body: string) {
  const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: body });
  return { status: res.statusCode, body: res.json() as { ackSeq: number; rejected: Array<{ seq: number; code: string; message: string }> } };
}

describeEachBackend('HQ refuses a hostile event alone', (h) => {
  it.each(HOSTILE)('$name: refused with $code, the events around it stored', async ({ code, event }) => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const res = await pushText(app, token, body([wireEvent(1), event(2), wireEvent(3)]));
    expect(res.status).toBe(200);
    expect(res.body.ackSeq).toBe(3);
    expect(res.body.rejected).toEqual([{ seq: 2, code, message: expect.any(String) }]);
    const stored = await h.db.query<{ seq: unknown }>("SELECT seq FROM station_events WHERE station_id = 'LAX-01' ORDER BY seq");
    expect(stored.rows.map((r) => Number(r.seq))).toEqual([1, 3]);
    // The next push goes on from there: nothing blocks.
    const next = await pushText(app, token, JSON.stringify({ protocol: 1, stationId: 'LAX-01', events: [wireEvent(4)] }));
    expect(next.body).toMatchObject({ ackSeq: 4, rejected: [] });
  });

  it('every hostile event in one push: all refused, each with its own reason, the good ones stored', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const events = [wireEvent(1), ...HOSTILE.map((x, i) => x.event(i + 2)), wireEvent(HOSTILE.length + 2)];
    const res = await pushText(app, token, body(events));
    expect(res.status).toBe(200);
    expect(res.body.ackSeq).toBe(HOSTILE.length + 2);
    expect(res.body.rejected.map((r) => r.code)).toEqual(HOSTILE.map((x) => x.code));
  });

  it('a body nested 100 000 levels deep is answered, never with a 500', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const text = `{"protocol":1,"stationId":"LAX-01","events":[{"seq":1,"eventId":"e1","commandId":"c1","intakeId":"i1","type":"x","capturedAt":1,"payload":{"d":${deep}}}]}`;
    const res = await pushText(app, token, text);
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(res.body.rejected).toEqual([{ seq: 1, code: 'TOO_DEEP', message: expect.any(String) }]);
  });
});
