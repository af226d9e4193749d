/**
 * Parcel lookup through the real station core (issue 12 item 2): the search box finds a parcel by each kind of
 * number and by part of the stored consignee name; lists by day (warehouse time), verdict, reason and operator are
 * paged by keys (fast-check: any page size gives every match exactly once, newest first); a parcel's page has its
 * event trail with sync states.
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
import type { LookupPage, ParcelHistory } from '../../../shared/contract/lookup.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';
import { numberSearchOf } from '../../../electron/station/parcelLookup.ts';
import { stationClassifier } from '../../../electron/station/classifyForStation.ts';

/** Holds parcels whose waybill ends in 9 (ID missing), accepts the rest. */
const decide = (req: VerdictRequest): Verdict =>
  req.manifest?.waybill.endsWith('9')
    ? { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID.' }], reprice: null }
    : { decision: 'ACCEPT', reasons: [], reprice: null };

function manifest(n: number, name: string): ManifestEntry {
  return {
    waybill: `APELAX10400${String(n).padStart(5, '0')}`, inboundTracking: [`GOOD-${n}`], warehouse: 'LAX', destination: 'CN',
    declaredMass: massFromDecimal('3', 'lb')!, pieceIndex: 1, pieceCount: 1, consigneeName: name, consigneeIdStatus: 'missing',
    dutiesStatus: 'not_required', shipperName: 'Amazon', shipperAddress: '1 Main St', items: [{ description: 'cotton t-shirt', quantity: 1, valueMinor: 1999, currency: 'USD' }],
    estimateMinor: 2150, currency: 'USD',
  };
}

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let scale: ReturnType<typeof fakeScale>;
// 2026-12-04 07:00 UTC = 2026-12-03 23:00 in Los Angeles.
let clock = Date.UTC(2026, 11, 4, 7, 0, 0);
const log = { error: () => {} };
const call = async <T>(name: string, request: unknown): Promise<T> => {
  const result = await dispatchCommand(station.handlers, name, request, log);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
};
const search = (request: Record<string, unknown>) => call<LookupPage>('lookup.search', { limit: 50, ...request });

async function takeIn(raw: string): Promise<string> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'scale in repair' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  await call('intake.finish', { commandId: randomUUID(), intakeId });
  return intakeId;
}

beforeEach(() => {
  temp = makeTempDir('lookup');
  scale = fakeScale();
  station = createStation({
    dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale, classify: fakeClassify, decide, now: () => (clock += 60_000),
    signedInAs: TEST_LEAD,
  });
  upsertManifest(station.db, manifest(1, 'Wang Xiaoming'), clock);
  upsertManifest(station.db, manifest(2, 'L*** Mei'), clock);
  upsertManifest(station.db, manifest(9, 'Zhang Wei'), clock);
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

describe('the search box', () => {
  it('finds a parcel by inbound tracking, waybill, return reference, shelf slot and part of the consignee name', async () => {
    const first = await takeIn('GOOD-1');
    const byWaybill = await takeIn('APELAX1040000002'); // scanned by its ECMS waybill
    const held = await takeIn('GOOD-9');
    const noPrealert = await takeIn('GOOD-77');
    const history = await call<ParcelHistory>('lookup.parcel', { intakeId: held });
    const slot = history.intake.holdLocation;
    expect(slot).not.toBeNull();

    const found = async (text: string) => (await search({ text })).rows.map((r) => [r.intakeId, r.matchedBy]);
    expect(await found('good-1')).toEqual([[first, 'tracking']]);
    expect(await found('APELAX1040000001')).toEqual([[first, 'waybill']]);
    expect(await found('GOOD-2')).toEqual([[byWaybill, 'tracking']]); // its inbound tracking, through the manifest
    expect(await found('RTAPELAX1040000002')).toEqual([[byWaybill, 'returnReference']]);
    expect(await found('RTNGOOD-77')).toEqual([[noPrealert, 'returnReference']]);
    expect(await found(slot!)).toEqual([[held, 'shelfSlot']]);
    expect(await found('xiaoMING')).toEqual([[first, 'consigneeName']]);
    expect(await found('*** Mei')).toEqual([[byWaybill, 'consigneeName']]); // a masked name: what is stored
    expect(await found('NOTHING-HERE')).toEqual([]);
  });

  it('says a name needs three letters, and never opens or starts an intake', async () => {
    await takeIn('GOOD-1');
    const before = (station.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const page = await search({ text: 'Wa' });
    expect(page.rows).toEqual([]);
    expect(page.note).toMatch(/3 letters/);
    expect((station.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(before);
    expect(await call('intake.current', {})).toBeNull();
  });
});

describe('what the search box looks for', () => {
  it('the number as typed and as the station\'s classifier reads a label (a USPS GS1-128 scan finds its tracking number)', () => {
    const search = numberSearchOf('420787459400111206206406260787', stationClassifier());
    expect(search).toMatchObject({ code: '420787459400111206206406260787', scanned: '9400111206206406260787', namePattern: '%420787459400111206206406260787%' });
    expect(numberSearchOf('rtnGOOD-7', fakeClassify)).toMatchObject({ code: 'RTNGOOD-7', returnWaybill: 'NGOOD-7', returnTracking: 'GOOD-7' });
    expect(numberSearchOf('Li', fakeClassify).namePattern).toBeNull();
  });
});

describe('lists by day, verdict, reason and operator', () => {
  it('a day is the warehouse\'s own calendar day (Los Angeles), not UTC', async () => {
    clock = Date.UTC(2026, 11, 4, 7, 50, 0); // 23:50 on Dec 3 in Los Angeles; each step adds a minute
    const lateOnThe3rd = await takeIn('GOOD-1'); // scanned 23:51 LA
    clock = Date.UTC(2026, 11, 4, 8, 5, 0); // 00:05 on Dec 4 in Los Angeles
    const onThe4th = await takeIn('GOOD-2');
    expect((await search({ day: '2026-12-03' })).rows.map((r) => r.intakeId)).toEqual([lateOnThe3rd]);
    expect((await search({ day: '2026-12-04' })).rows.map((r) => r.intakeId)).toEqual([onThe4th]);
    const refused = await dispatchCommand(station.handlers, 'lookup.search', { day: '2026-02-30', limit: 5 }, log);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('filters by verdict, reason and operator', async () => {
    const accepted = await takeIn('GOOD-1');
    const held = await takeIn('GOOD-9');
    expect((await search({ decision: 'HOLD' })).rows.map((r) => r.intakeId)).toEqual([held]);
    expect((await search({ decision: 'ACCEPT' })).rows.map((r) => r.intakeId)).toEqual([accepted]);
    expect((await search({ reason: 'ID_MISSING' })).rows).toMatchObject([{ intakeId: held, reasons: ['ID_MISSING'], decision: 'HOLD' }]);
    expect((await search({ operator: TEST_LEAD.operatorId })).rows.map((r) => r.intakeId)).toEqual([held, accepted]);
    expect((await search({ operator: 'SOMEONE' })).rows).toEqual([]);
  });

  it('pages by keys: any page size lists every parcel once, newest first, whatever the filter', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push(await takeIn(`GOOD-${n % 2 === 0 ? 9 : 1}${n}`));
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 13 }), fc.constantFrom({}, { decision: 'ACCEPT' }, { operator: TEST_LEAD.operatorId }), async (limit, filter) => {
      const seen: string[] = [];
      let after: unknown;
      for (let guard = 0; guard < 20; guard++) {
        const page = await search({ ...filter, limit, ...(after ? { after } : {}) });
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        seen.push(...page.rows.map((r) => r.intakeId));
        if (page.next === null) break;
        after = page.next;
      }
      const all = (await search({ ...filter, limit: 100 })).rows.map((r) => r.intakeId);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
    }), { numRuns: 25 });
    expect((await search({ limit: 100 })).rows.map((r) => r.intakeId)).toEqual([...ids].reverse());
  });
});

describe('a parcel\'s page', () => {
  it('shows the whole trail in words with who, the weight source, and each event\'s sync state', async () => {
    const intakeId = await takeIn('GOOD-1');
    station.db.prepare("UPDATE outbox SET state = 'acked' WHERE seq = 1").run();
    station.db.prepare("UPDATE outbox SET state = 'dead', last_error = 'INVALID_PAYLOAD: bad' WHERE seq = 2").run();
    const page = await call<ParcelHistory>('lookup.parcel', { intakeId });
    expect(page.trail.map((e) => e.type).slice(0, 4)).toEqual(['INTAKE_SCANNED', 'WEIGHT_CAPTURED', 'DIMENSIONS_SET', 'VERDICT_COMMITTED']);
    expect(page.trail[0]).toMatchObject({ sync: 'atHq', operator: TEST_LEAD.operatorId, what: expect.stringMatching(/Scanned GOOD-1/) });
    expect(page.trail[1]).toMatchObject({ sync: 'refused', syncError: 'INVALID_PAYLOAD: bad', what: 'Weighed 3.20 lb: typed by hand (scale in repair).' });
    expect(page.trail[2]).toMatchObject({ sync: 'queued', what: 'Size 12.0 × 10.0 × 8.0 in.' });
    expect(page.trail.map((e) => e.type)).toContain('DOCUMENT_QUEUED');
    expect(page.correctable).toBe(true);
  });

  it('an unknown parcel is NOT_FOUND with what to do', async () => {
    const result = await dispatchCommand(station.handlers, 'lookup.parcel', { intakeId: randomUUID() }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Search for it again/) } });
  });
});
