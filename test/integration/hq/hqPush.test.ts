import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken, revokeStationToken } from '../../../hq/auth/stationTokens.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { wireEvent } from '../sync/fixtures.ts';

async function push(app: FastifyInstance, token: string, stationId: string, events: unknown[]) {
  const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}` }, payload: { protocol: 1, stationId, events } });
  return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers };
}

async function heldSeqs(db: HqDb, stationId: string): Promise<number[]> {
  const r = await db.query<{ seq: unknown }>(
    'SELECT seq FROM station_events WHERE station_id = $1 UNION ALL SELECT seq FROM rejected_events WHERE station_id = $1 ORDER BY 1',
    [stationId],
  );
  return r.rows.map((x) => Number(x.seq));
}

describeEachBackend('HQ push', (h) => {
  async function setup() {
    const app = buildHqServer({ db: h.db });
    const lax = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    return { app, token: lax.token, tokenId: lax.tokenId };
  }

  it('stores a batch, acknowledges the highest number, and a replay changes nothing', async () => {
    const { app, token } = await setup();
    const events = [1, 2, 3].map((s) => wireEvent(s));
    const first = await push(app, token, 'LAX-01', events);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ackSeq: 3, rejected: [] });
    const again = await push(app, token, 'LAX-01', events);
    expect(again.body).toMatchObject({ ackSeq: 3, rejected: [] });
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([1, 2, 3]);
    const overlap = await push(app, token, 'LAX-01', [events[2], wireEvent(4)]);
    expect(overlap.body).toMatchObject({ ackSeq: 4 });
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([1, 2, 3, 4]);
  });

  it('refuses a gap with the number it expects, and stores only the run without holes', async () => {
    const { app, token } = await setup();
    const gap = await push(app, token, 'LAX-01', [wireEvent(2)]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: { code: 'SEQ_GAP' }, expectedSeq: 1 });
    const holey = await push(app, token, 'LAX-01', [wireEvent(1), wireEvent(2), wireEvent(4)]);
    expect(holey.body).toMatchObject({ ackSeq: 2 });
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([1, 2]);
  });

  it('refuses a bad event for good, advances past it, and reports it again on a replay', async () => {
    const { app, token } = await setup();
    const events = [
      wireEvent(1),
      wireEvent(2, { type: 'not a type!' }),
      { seq: 3, eventId: 'e3', commandId: 'c3', intakeId: 'i3', type: 'x', capturedAt: 1, payloadText: '{oops' },
      { seq: 4, eventId: 'e4', commandId: 'c4', intakeId: 'i4', type: 'x', capturedAt: 1, payloadOmittedBytes: 999_999 },
      wireEvent(5),
      wireEvent(6, { payload: { big: 'x'.repeat(300 * 1024) } }),
    ];
    const r = await push(app, token, 'LAX-01', events);
    expect(r.status).toBe(200);
    expect(r.body['ackSeq']).toBe(6);
    const codes = (r.body['rejected'] as Array<{ seq: number; code: string }>).map((x) => [x.seq, x.code]);
    expect(codes).toEqual([
      [2, 'INVALID_EVENT'],
      [3, 'PAYLOAD_NOT_JSON'],
      [4, 'EVENT_TOO_LARGE'],
      [6, 'EVENT_TOO_LARGE'],
    ]);
    const replay = await push(app, token, 'LAX-01', events.slice(1, 4));
    expect((replay.body['rejected'] as unknown[]).length).toBe(3);
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses an event id already used by another event', async () => {
    const { app, token } = await setup();
    const other = await createStationToken(h.db, { stationId: 'LAX-02', warehouse: 'LAX' });
    const e = wireEvent(1);
    expect((await push(app, token, 'LAX-01', [e])).body['ackSeq']).toBe(1);
    const r = await push(app, other.token, 'LAX-02', [{ ...e }]);
    expect(r.body).toMatchObject({ ackSeq: 1, rejected: [{ seq: 1, code: 'DUPLICATE_EVENT_ID' }] });
  });

  it('answers SEQ_CONFLICT when a replay carries other events under stored numbers (a reset station)', async () => {
    const { app, token } = await setup();
    await push(app, token, 'LAX-01', [wireEvent(1), wireEvent(2)]);
    const r = await push(app, token, 'LAX-01', [wireEvent(1)]);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { code: 'SEQ_CONFLICT' } });
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([1, 2]);
  });

  it('stores each event once when the same push arrives many times at once', async () => {
    const { app, token } = await setup();
    const events = Array.from({ length: 50 }, (_, i) => wireEvent(i + 1));
    const results = await Promise.all(Array.from({ length: 8 }, () => push(app, token, 'LAX-01', events)));
    for (const r of results) expect(r.body['ackSeq']).toBe(50);
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual(events.map((e) => e['seq']));
  });

  it('scopes tokens: no token, a bad or revoked token, or another station are refused', async () => {
    const { app, token, tokenId } = await setup();
    const none = await app.inject({ method: 'POST', url: '/v1/push', payload: { protocol: 1, stationId: 'LAX-01', events: [wireEvent(1)] } });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await push(app, forged, 'LAX-01', [wireEvent(1)])).status).toBe(401);
    await createStationToken(h.db, { stationId: 'LAX-02', warehouse: 'LAX' });
    const asOther = await push(app, token, 'LAX-02', [wireEvent(1)]);
    expect(asOther.status).toBe(403);
    expect(asOther.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await revokeStationToken(h.db, tokenId);
    expect((await push(app, token, 'LAX-01', [wireEvent(1)])).status).toBe(401);
    expect(await heldSeqs(h.db, 'LAX-01')).toEqual([]);
    expect(await heldSeqs(h.db, 'LAX-02')).toEqual([]);
  });

  it('answers malformed requests with typed error bodies', async () => {
    const { app, token } = await setup();
    const auth = { authorization: `Bearer ${token}` };
    const notJson = await app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth, 'content-type': 'application/json' }, payload: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    const badEnvelope = await app.inject({ method: 'POST', url: '/v1/push', headers: auth, payload: { protocol: 1, stationId: 'LAX-01', events: [] } });
    expect(badEnvelope.statusCode).toBe(400);
    const text = await app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hi' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const nowhere = await app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const health = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(health.json()).toMatchObject({ ok: true, service: 'ecms-hq' });
  });
});
