import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID.' }], reprice: null };
const MANIFEST: ManifestEntry = {
  waybill: 'APELAX1040039963', inboundTracking: ['GOOD-1'], warehouse: 'LAX', destination: 'CN',
  declaredMass: massFromDecimal('3', 'lb')!, pieceIndex: 1, pieceCount: 1, consigneeName: 'W*** Li', consigneeIdStatus: 'missing',
  dutiesStatus: 'not_required', shipperName: 'Amazon', shipperAddress: '1 Main St', items: [{ description: 'cotton t-shirt', quantity: 1, valueMinor: 1999, currency: 'USD' }],
  estimateMinor: 2150, currency: 'USD',
};

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let scale: ReturnType<typeof fakeScale>;
let decide: ReturnType<typeof recordingDecider>;
let clock = 1_700_000_000_000;
const log = { error: () => {} };

function open(): Station {
  scale = fakeScale();
  decide = recordingDecider(HOLD);
  return createStation({ signedInAs: TEST_LEAD, dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale, classify: fakeClassify, decide, now: () => ++clock });
}

const count = (table: string) => (station.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const call = (name: string, request: unknown) => dispatchCommand(station.handlers, name, request, log);
const stable = (lb: string) => scale.emit({ value: massFromDecimal(lb, 'lb')!, unit: 'lb', resolution: massFromDecimal('0.01', 'lb')!, status: 'stable', mode: 'gross', at: clock });

beforeEach(() => {
  temp = makeTempDir('intake');
  station = open();
  upsertManifest(station.db, MANIFEST, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function intakeThroughVerdict(raw: string) {
  const intakeId = randomUUID();
  const scanned = await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  expect(scanned.ok).toBe(true);
  stable('3.20');
  expect((await call('intake.captureWeight', { commandId: randomUUID(), intakeId })).ok).toBe(true);
  expect((await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' })).ok).toBe(true);
  const decided = await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  return { intakeId, decided };
}

describe('intake service', () => {
  it('runs scan → weigh → size → verdict, matching the manifest by inbound tracking, one event + outbox row per step', async () => {
    const { intakeId, decided } = await intakeThroughVerdict('good-1');
    expect(decided).toMatchObject({ ok: true, data: { intakeId, state: 'decided', verdict: HOLD, manifest: { waybill: MANIFEST.waybill, destination: 'CN' } } });
    expect(decide.calls).toHaveLength(1);
    expect(decide.calls[0]).toMatchObject({ manifest: { waybill: MANIFEST.waybill }, mass: massFromDecimal('3.20', 'lb'), damaged: false });
    const events = station.db.prepare('SELECT seq, type FROM events ORDER BY seq').all() as Array<{ seq: number; type: string }>;
    expect(events.map((e) => e.type)).toEqual(['INTAKE_SCANNED', 'WEIGHT_CAPTURED', 'DIMENSIONS_SET', 'VERDICT_COMMITTED', 'HOLD_PLACED']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(count('outbox')).toBe(5);
    const row = station.db.prepare('SELECT state, decision, mass_q FROM intakes WHERE intake_id = ?').get(intakeId);
    expect(row).toEqual({ state: 'decided', decision: 'HOLD', mass_q: massFromDecimal('3.20', 'lb') });
  });

  it('applies a retried command once (same commandId) and reports the same intake', async () => {
    const intakeId = randomUUID();
    const commandId = randomUUID();
    const first = await call('intake.scan', { commandId, intakeId, raw: 'GOOD-1', source: 'wedge' });
    const again = await call('intake.scan', { commandId, intakeId, raw: 'GOOD-1', source: 'wedge' });
    expect(again).toEqual(first);
    expect(count('intakes')).toBe(1);
    expect(count('events')).toBe(1);
  });

  it('shows a parcel scanned twice without counting it twice', async () => {
    const { intakeId } = await intakeThroughVerdict('GOOD-1');
    await call('intake.finish', { commandId: randomUUID(), intakeId });
    const again = await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD-1', source: 'wedge' });
    expect(again).toMatchObject({ ok: true, data: { intakeId, repeatScan: true, state: 'ready' } });
    expect(count('intakes')).toBe(1);
  });

  it('stores nothing for a bad check digit or an unknown label, with typed errors', async () => {
    const bad = await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'BAD-1', source: 'wedge' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_CHECK_DIGIT' } });
    const unknown = await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'hello', source: 'keyboard' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BARCODE' } });
    expect(count('intakes') + count('events') + count('outbox')).toBe(0);
  });

  it('takes no weight while the scale is in motion or disconnected; a typed weight needs a reason and is audited', async () => {
    const intakeId = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-2', source: 'wedge' });
    scale.emit({ value: massFromDecimal('3.2', 'lb')!, unit: 'lb', resolution: 1, status: 'motion', mode: 'gross', at: clock });
    expect(await call('intake.captureWeight', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: false, error: { code: 'SCALE_UNSTABLE' } });
    scale.setStatus({ state: 'disconnected', protocol: 'test', label: 'Test scale', message: 'unplugged' });
    expect(await call('intake.captureWeight', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: false, error: { code: 'SCALE_DISCONNECTED' } });
    expect(await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.25', unit: 'lb', reason: '' } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const typed = await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.25', unit: 'lb', reason: 'scale unplugged' } });
    expect(typed).toMatchObject({ ok: true, data: { weight: { source: 'manual', manualReason: 'scale unplugged' } } });
    const audit = station.db.prepare("SELECT payload FROM events WHERE type = 'WEIGHT_CAPTURED'").get() as { payload: string };
    expect(JSON.parse(audit.payload)).toMatchObject({ source: 'manual', reason: 'scale unplugged', operator: TEST_LEAD.operatorId });
  });

  it('refuses out-of-order steps with INVALID_STATE and a correction withdraws the verdict', async () => {
    const intakeId = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-3', source: 'wedge' });
    expect(await call('intake.commitVerdict', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    stable('2.00');
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId });
    expect(await call('intake.commitVerdict', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '10', height: '10', unit: 'in' });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
    const corrected = await call('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true });
    expect(corrected).toMatchObject({ ok: true, data: { state: 'weighed', verdict: null, damaged: true } });
    expect(await call('intake.commitVerdict', { commandId: randomUUID(), intakeId })).toMatchObject({ ok: true, data: { state: 'decided' } });
    expect(decide.calls.at(-1)?.damaged).toBe(true);
  });

  it('blocks a new scan while the open parcel is undecided, and finishes a decided one automatically', async () => {
    const first = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId: first, raw: 'GOOD-4', source: 'wedge' });
    expect(await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD-5', source: 'wedge' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    stable('1.00');
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId: first });
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId: first, length: '5', width: '5', height: '5', unit: 'in' });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId: first });
    expect(await call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD-5', source: 'wedge' })).toMatchObject({ ok: true, data: { state: 'scanned' } });
    expect(await call('intake.get', { intakeId: first })).toMatchObject({ ok: true, data: { state: 'ready' } });
  });

  it('on a full disk answers STORAGE_FULL, writes nothing partial, and the same command succeeds once space is back', async () => {
    const pages = station.db.pragma('page_count', { simple: true }) as number;
    station.db.pragma(`max_page_count = ${pages}`);
    // The last pages may still have room: take parcels in (and cancel them) until the database is really full.
    let failed: { name: string; request: Record<string, unknown> } | null = null;
    let result: Awaited<ReturnType<typeof call>> = { ok: true, data: null };
    for (let i = 0; failed === null && i < 500; i++) {
      const intakeId = randomUUID();
      const steps = [
        { name: 'intake.scan', request: { commandId: randomUUID(), intakeId, raw: `GOOD-FILL-${i}`, source: 'wedge' } },
        { name: 'intake.cancel', request: { commandId: randomUUID(), intakeId, reason: 'filling the disk' } },
      ];
      for (const step of steps) {
        result = await call(step.name, step.request);
        if (!result.ok) { failed = step; break; }
      }
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    const before = { events: count('events'), outbox: count('outbox') };
    expect(before.events).toBe(before.outbox);
    station.db.pragma('max_page_count = 1073741823');
    expect(await call(failed!.name, failed!.request)).toMatchObject({ ok: true });
    expect(count('events')).toBe(before.events + 1);
    expect(count('outbox')).toBe(before.outbox + 1);
  });

  it('keeps the event log across a restart and numbers on from where it stopped', async () => {
    await intakeThroughVerdict('GOOD-1');
    await station.close();
    station = open();
    const intakeId = randomUUID();
    await call('intake.cancel', { commandId: randomUUID(), intakeId: (station.intake.current()?.intakeId ?? ''), reason: 'restart test' });
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-7', source: 'wedge' });
    const seqs = (station.db.prepare('SELECT seq FROM events ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
    // 5 events for the held parcel, then its cancel (INTAKE_CANCELLED + HOLD_RELEASED), then the new scan.
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('settings', () => {
  it('updates local settings but refuses to change the station identity', async () => {
    const ok = await call('settings.update', { operator: 'maria', autoCaptureSettleMs: 800 });
    expect(ok).toMatchObject({ ok: true, data: { operator: 'maria', autoCaptureSettleMs: 800, stationId: 'LAX-DEMO-1' } });
    expect(await call('settings.update', { stationId: 'CHI-OTHER-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await call('settings.update', { warehouse: 'CHI' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
