/**
 * The lead's PARCEL_INSPECTED event (issue 12, exceptions) at HQ, on PGlite and on PostgreSQL: a well-formed one is
 * stored as sent; one missing its codes or note is refused alone with INVALID_PAYLOAD, the events around it stored.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { wireEvent } from '../sync/fixtures.ts';

describeEachBackend('HQ stores the lead’s inspection events', (h) => {
  it('stores a PARCEL_INSPECTED event and refuses a malformed one alone', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const inspected = { codes: ['WEIGHT_MISMATCH'], note: 'weighed again, label right', operator: '9001' };
    const events = [
      wireEvent(1),
      wireEvent(2, { type: 'PARCEL_INSPECTED', payload: inspected }),
      wireEvent(3, { type: 'PARCEL_INSPECTED', payload: { operator: '9001' } }),
      wireEvent(4),
    ];
    const res = await app.inject({
      method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ protocol: 1, stationId: 'LAX-01', events }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ackSeq: 4, rejected: [{ seq: 3, code: 'INVALID_PAYLOAD' }] });
    const stored = await h.db.query<{ seq: unknown; type: string; payload: unknown }>(
      "SELECT seq, type, payload FROM station_events WHERE station_id = 'LAX-01' ORDER BY seq",
    );
    expect(stored.rows.map((r) => Number(r.seq))).toEqual([1, 2, 4]);
    const row = stored.rows[1];
    expect(row?.type).toBe('PARCEL_INSPECTED');
    expect(typeof row?.payload === 'string' ? JSON.parse(row.payload) : row?.payload).toEqual(inspected);
    await app.close();
  });
});
