/**
 * The push's fast path (COPY, hq/ingest/storeAccepted.ts) on both engines: payloads whose text holds the characters
 * COPY escapes are stored exactly as sent, and a large push with one event id HQ already holds falls back to the
 * careful path: that one event is refused, every other one is stored.
 */
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { wireEvent } from '../sync/fixtures.ts';

async function push(app: FastifyInstance, token: string, stationId: string, events: unknown[]) {
  const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}` }, payload: { protocol: 1, stationId, events } });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

describeEachBackend('HQ push by COPY', (h) => {
  it('stores payloads and ids holding backslashes, tabs, line breaks and quotes exactly as sent', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const payloads = [
      { note: 'line one\nline two\r\nend', tab: 'a\tb', path: 'C:\\dock\\3', quote: 'say "hi"', esc: '\\N', gs: 'a\u001db' },
      { nested: { list: [1, 2.5, null, true, '\\t literal'] }, unicode: 'Łódź 東京 🚚' },
      { empty: '', backslashAtEnd: 'x\\' },
    ];
    const events = payloads.map((payload, i) => wireEvent(i + 1, { payload, intakeId: `intake\\${i}`, commandId: `cmd\t${i}`.replace('\t', '-') }));
    const r = await push(app, token, 'LAX-01', events);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ackSeq: 3, rejected: [] });
    const rows = await h.db.query<{ seq: unknown; intake_id: string; payload: unknown }>(
      'SELECT seq, intake_id, payload FROM station_events WHERE station_id = $1 ORDER BY seq',
      ['LAX-01'],
    );
    expect(rows.rows.map((x) => x.payload)).toEqual(payloads);
    expect(rows.rows.map((x) => x.intake_id)).toEqual(events.map((e) => e['intakeId']));
  });

  it('a large push holding one event id HQ already has: that event is refused alone, the rest stored in order', async () => {
    const app = buildHqServer({ db: h.db });
    const lax1 = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const lax2 = await createStationToken(h.db, { stationId: 'LAX-02', warehouse: 'LAX' });
    const taken = wireEvent(1);
    expect((await push(app, lax1.token, 'LAX-01', [taken])).body['ackSeq']).toBe(1);
    const events = Array.from({ length: 800 }, (_, i) => wireEvent(i + 1, { payload: { n: i, text: `row ${i}\twith tab` } }));
    events[411] = { ...events[411], eventId: taken['eventId'] };
    const r = await push(app, lax2.token, 'LAX-02', events);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ackSeq: 800, rejected: [{ seq: 412, code: 'DUPLICATE_EVENT_ID' }] });
    const stored = await h.db.query<{ n: unknown }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1', ['LAX-02']);
    expect(Number(stored.rows[0]?.n)).toBe(799);
    // The next push goes on from the mark, by the fast path again.
    const next = await push(app, lax2.token, 'LAX-02', [wireEvent(801)]);
    expect(next.body).toMatchObject({ ackSeq: 801, rejected: [] });
  });
});
