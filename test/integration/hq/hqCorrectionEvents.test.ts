/**
 * A lead's correction reaches HQ (issue 12 item 2), on PGlite and on PostgreSQL: a real station core takes a parcel
 * in, finishes it, and a lead corrects its weight; the station's outbox, pushed as the sync service sends it
 * (toWireBatch), is stored whole at HQ, INTAKE_CORRECTED with its reason, person and new verdict, beside the VOID of
 * the old label. HQ knows the type: a correction without its reason or verdict is refused alone with INVALID_PAYLOAD.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { readPendingEvents } from '../../../electron/db/queries/outbox.ts';
import { toWireBatch } from '../../../electron/sync/toWireEvents.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import type { VerdictRequest } from '../../../electron/station/stationPorts.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';
import { wireEvent } from '../sync/fixtures.ts';

const decide = (req: VerdictRequest): Verdict => (req.mass > massFromDecimal('44', 'lb')!
  ? { decision: 'RETURN', reasons: [{ code: 'OVERWEIGHT', effect: 'RETURN', message: 'Over 44 lb.' }], reprice: null }
  : { decision: 'ACCEPT', reasons: [], reprice: null });

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = 1_780_000_000_000;

async function call(name: string, request: object): Promise<void> {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
}

beforeEach(() => {
  temp = makeTempDir('hq-correction');
  station = createStation({
    dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale: fakeScale(), classify: fakeClassify, decide,
    now: () => (clock += 1000), signedInAs: TEST_LEAD,
  });
  upsertManifest(station.db, {
    waybill: 'APELAX1040000001', inboundTracking: ['GOOD-1'], warehouse: 'LAX', destination: 'CN', declaredMass: massFromDecimal('3', 'lb')!,
    pieceIndex: 1, pieceCount: 1, consigneeName: 'W*** Li', consigneeIdStatus: 'received', dutiesStatus: 'not_required', shipperName: 'Amazon',
    shipperAddress: '1 Main St', items: [{ description: 'shirt', quantity: 1, valueMinor: 100, currency: 'USD' }], estimateMinor: 100, currency: 'USD',
  }, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function correctedOutbox(): Promise<{ events: unknown[]; lastSeq: number }> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-1', source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'scale in repair' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  await call('intake.finish', { commandId: randomUUID(), intakeId });
  await call('intake.correct', { commandId: randomUUID(), intakeId, reason: 'weighed on the wrong scale', weight: { value: '50', unit: 'lb' } });
  const batch = toWireBatch(readPendingEvents(station.db, 1000), 16 * 1024 * 1024);
  if (!batch) throw new Error('nothing in the outbox');
  return { events: batch.events, lastSeq: batch.lastSeq };
}

describeEachBackend('HQ stores a lead\'s correction', (h) => {
  it('the whole outbox of a corrected parcel is stored, the correction with its reason, person and verdict', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const { events, lastSeq } = await correctedOutbox();
    const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ protocol: 1, stationId: 'LAX-01', events }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ackSeq: lastSeq, rejected: [] });
    const stored = await h.db.query<{ type: string; payload: { reason?: string; operator?: string; verdict?: { decision: string } } }>(
      "SELECT type, payload FROM station_events WHERE station_id = 'LAX-01' ORDER BY seq",
    );
    expect(stored.rows).toHaveLength(events.length);
    expect(stored.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['INTAKE_CORRECTED', 'DOCUMENT_VOIDED']));
    expect(stored.rows.find((r) => r.type === 'INTAKE_CORRECTED')?.payload).toMatchObject({
      reason: 'weighed on the wrong scale', operator: TEST_LEAD.operatorId, verdict: { decision: 'RETURN' },
    });
  });

  it('a correction without its reason or verdict is refused alone', async () => {
    const app = buildHqServer({ db: h.db });
    const { token } = await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' });
    const bad = wireEvent(2, { type: 'INTAKE_CORRECTED', payload: { operator: 'LEAD1', damaged: false, before: {} } });
    const res = await app.inject({
      method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ protocol: 1, stationId: 'LAX-01', events: [wireEvent(1), bad, wireEvent(3)] }),
    });
    expect(res.json()).toMatchObject({ ackSeq: 3, rejected: [{ seq: 2, code: 'INVALID_PAYLOAD' }] });
  });
});
