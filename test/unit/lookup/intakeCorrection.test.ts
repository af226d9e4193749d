/**
 * A lead's correction of a printed or done parcel (issue 12 item 2) through the real station core: it goes through
 * the state machine ('correct' only from printed or ready), the verdict engine decides again from the corrected
 * facts, the documents that no longer match are voided and the new verdict's print is queued, and one
 * INTAKE_CORRECTED event waits in the outbox for HQ. Only a lead may run it (the core refuses an operator).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import type { VerdictRequest } from '../../../electron/station/stationPorts.ts';
import type { ParcelHistory } from '../../../shared/contract/lookup.ts';
import { INTAKE_ACTIONS, nextIntakeState } from '../../../shared/intake/intakeMachine.ts';
import { INTAKE_STATES } from '../../../shared/intake/intakeStates.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD, TEST_OPERATOR } from '../../support/signedIn.ts';

const LIMIT = massFromDecimal('44', 'lb')!;
/** A small verdict engine: over 44 lb returns, damaged holds, else accepts. */
const decide = (req: VerdictRequest): Verdict => {
  if (req.mass > LIMIT) return { decision: 'RETURN', reasons: [{ code: 'OVERWEIGHT', effect: 'RETURN', message: 'Over 44 lb.' }], reprice: null };
  if (req.damaged) return { decision: 'HOLD', reasons: [{ code: 'DAMAGED_PACKAGING', effect: 'HOLD', message: 'Damaged.' }], reprice: null };
  return { decision: 'ACCEPT', reasons: [], reprice: null };
};

const MANIFEST: ManifestEntry = {
  waybill: 'APELAX1040000001', inboundTracking: ['GOOD-1'], warehouse: 'LAX', destination: 'CN',
  declaredMass: massFromDecimal('3', 'lb')!, pieceIndex: 1, pieceCount: 1, consigneeName: 'W*** Li', consigneeIdStatus: 'received',
  dutiesStatus: 'not_required', shipperName: 'Amazon', shipperAddress: '1 Main St', items: [{ description: 'cotton t-shirt', quantity: 1, valueMinor: 1999, currency: 'USD' }],
  estimateMinor: 2150, currency: 'USD',
};

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let clock = 1_780_000_000_000;
const log = { error: () => {} };
const send = (name: string, request: unknown) => dispatchCommand(station.handlers, name, request, log);
async function call<T>(name: string, request: unknown): Promise<T> {
  const result = await send(name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

function open(person: typeof TEST_LEAD | typeof TEST_OPERATOR): Station {
  return createStation({
    dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale: fakeScale(), classify: fakeClassify, decide, now: () => (clock += 1000),
    signedInAs: person,
  });
}

async function takeIn(raw: string, finish: boolean): Promise<string> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'scale in repair' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  if (finish) await call('intake.finish', { commandId: randomUUID(), intakeId });
  return intakeId;
}

const outboxTypes = (intakeId: string) =>
  (station.db.prepare("SELECT e.type FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.intake_id = ? AND o.state = 'pending' ORDER BY e.seq").all(intakeId) as Array<{ type: string }>).map((r) => r.type);

beforeEach(() => {
  temp = makeTempDir('correction');
  station = open(TEST_LEAD);
  upsertManifest(station.db, MANIFEST, clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

describe('the state machine', () => {
  it('lets only a printed or done parcel be corrected, and the correction keeps its state', () => {
    for (const state of [...INTAKE_STATES, 'idle' as const]) {
      const after = nextIntakeState(state, 'correct');
      expect([state, after]).toEqual([state, state === 'ready' || state === 'printed' ? state : null]);
    }
  });

  it('no sequence of actions reaches a corrected parcel that is open on the bench again', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...INTAKE_ACTIONS), { maxLength: 16 }), (actions) => {
      let state: (typeof INTAKE_STATES)[number] | 'idle' = 'idle';
      for (const action of actions) {
        const next = nextIntakeState(state, action);
        if (next === null) continue;
        if (action === 'correct') expect(next).toBe(state);
        state = next;
      }
    }));
  });
});

describe('a lead corrects a done parcel', () => {
  it('a corrected weight is decided again: the label is void, the return slip queued, the correction in the outbox', async () => {
    const intakeId = await takeIn('GOOD-1', true);
    const before = await call<ParcelHistory>('lookup.parcel', { intakeId });
    expect(before.intake).toMatchObject({ state: 'ready', verdict: { decision: 'ACCEPT' } });
    expect(before.intake.documents).toMatchObject([{ document: 'relabel', voided: null }]);

    const commandId = randomUUID();
    const after = await call<ParcelHistory>('intake.correct', { commandId, intakeId, reason: 'weighed on the wrong scale', weight: { value: '50', unit: 'lb' } });
    expect(after.intake).toMatchObject({ state: 'ready', verdict: { decision: 'RETURN', reasons: [{ code: 'OVERWEIGHT' }] }, weight: { source: 'manual', manualReason: 'weighed on the wrong scale' } });
    expect(after.intake.documents).toEqual(expect.arrayContaining([
      expect.objectContaining({ document: 'relabel', voided: expect.objectContaining({ reason: expect.any(String) }) }),
      expect.objectContaining({ document: 'return-slip', voided: null }),
    ]));
    expect(outboxTypes(intakeId)).toEqual(expect.arrayContaining(['INTAKE_CORRECTED', 'DOCUMENT_VOIDED']));
    const event = station.db.prepare("SELECT payload FROM events WHERE type = 'INTAKE_CORRECTED'").get() as { payload: string };
    expect(JSON.parse(event.payload)).toMatchObject({
      reason: 'weighed on the wrong scale', operator: TEST_LEAD.operatorId, before: { decision: 'ACCEPT', mass: massFromDecimal('3.2', 'lb') },
      verdict: { decision: 'RETURN' }, mass: massFromDecimal('50', 'lb'), changed: { weight: true, dims: false, damaged: false },
    });
    expect(after.trail.find((e) => e.type === 'INTAKE_CORRECTED')).toMatchObject({ operator: TEST_LEAD.operatorId, sync: 'queued', what: expect.stringMatching(/^Corrected by a lead: weighed on the wrong scale. Verdict RETURN/) });

    // The same command again is answered from what was stored, never applied twice.
    const events = (station.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    await call('intake.correct', { commandId, intakeId, reason: 'weighed on the wrong scale', weight: { value: '50', unit: 'lb' } });
    expect((station.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(events);
  });

  it('a damage correction puts the parcel on the hold shelf, and taking it back releases it', async () => {
    const intakeId = await takeIn('GOOD-1', true);
    const held = await call<ParcelHistory>('intake.correct', { commandId: randomUUID(), intakeId, reason: 'box torn at the corner', damaged: true });
    expect(held.intake).toMatchObject({ damaged: true, verdict: { decision: 'HOLD' } });
    expect(held.intake.holdLocation).not.toBeNull();
    const released = await call<ParcelHistory>('intake.correct', { commandId: randomUUID(), intakeId, reason: 'it was the tape', damaged: false });
    expect(released.intake).toMatchObject({ damaged: false, verdict: { decision: 'ACCEPT' }, holdLocation: null });
  });

  it('refuses a parcel still open on the bench, an empty correction, and a missing reason', async () => {
    const open = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId: open, raw: 'GOOD-1', source: 'wedge' });
    expect(await send('intake.correct', { commandId: randomUUID(), intakeId: open, reason: 'wrong weight', damaged: true })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await send('intake.correct', { commandId: randomUUID(), intakeId: open, reason: 'nothing' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await send('intake.correct', { commandId: randomUUID(), intakeId: open, reason: '', damaged: true })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('a correction of an older parcel leaves the bench\'s open parcel on its card', async () => {
    const done = await takeIn('GOOD-1', true);
    const shown: Array<string | null> = [];
    const off = station.events.subscribe('intake', (view) => shown.push(view?.intakeId ?? null));
    const open = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId: open, raw: 'GOOD-2', source: 'wedge' });
    shown.length = 0;
    await call('intake.correct', { commandId: randomUUID(), intakeId: done, reason: 'box torn at the corner', damaged: true });
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([open]));
    off();
  });
});

describe('who may correct', () => {
  it('the core refuses an operator\'s correction with LEAD_ONLY, while the lookup stays open to operators', async () => {
    const intakeId = await takeIn('GOOD-1', true);
    await station.close();
    station = open(TEST_OPERATOR);
    expect(await send('intake.correct', { commandId: randomUUID(), intakeId, reason: 'wrong weight', damaged: true })).toMatchObject({ ok: false, error: { code: 'LEAD_ONLY' } });
    expect(await send('lookup.parcel', { intakeId })).toMatchObject({ ok: true, data: { intake: { verdict: { decision: 'ACCEPT' } } } });
    expect(outboxTypes(intakeId)).not.toContain('INTAKE_CORRECTED');
  });
});
