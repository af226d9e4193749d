import { afterEach, describe, expect, it } from 'vitest';
import { applyAck, listDeadLetters, readPendingEvents, requeueFrom, queueCounts, lastAck } from '../../../electron/db/queries/outbox.ts';
import { toWireBatch } from '../../../electron/sync/toWireEvents.ts';
import { applyManifestPage, resetManifests } from '../../../electron/sync/applyManifestPage.ts';
import { applyReferencePage } from '../../../electron/sync/applyReferencePage.ts';
import { getCursor, quarantineCount } from '../../../electron/db/queries/streamCursors.ts';
import { openTestStationDb, outboxStates, writeEvents, type TestStationDb } from '../../integration/sync/stationHarness.ts';
import { makeManifest, makeRateCardDoc } from '../../integration/sync/fixtures.ts';
import type { PullPage } from '../../../shared/sync/pullWire.ts';

let station: TestStationDb | null = null;
afterEach(() => {
  station?.close();
  station = null;
});
function open(): TestStationDb {
  station = openTestStationDb({ synchronous: 'OFF' });
  return station;
}

describe('outbox', () => {
  it('reads pending events in order through the state index', () => {
    const { db } = open();
    writeEvents(db, 'LAX-01', 5);
    expect(readPendingEvents(db, 3).map((r) => r.seq)).toEqual([1, 2, 3]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT o.seq FROM outbox o JOIN events e ON e.seq = o.seq WHERE o.state = 'pending' ORDER BY o.seq LIMIT 10").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/outbox_by_state/);
  });

  it('applies an ack within the batch only, and dead-letters refused events', () => {
    const { db } = open();
    writeEvents(db, 'LAX-01', 10);
    const r = applyAck(db, { firstSeq: 1, lastSeq: 5, ackSeq: 8, rejected: [{ seq: 2, code: 'INVALID_EVENT', message: 'bad' }, { seq: 7, code: 'INVALID_EVENT', message: 'x' }], now: 42 });
    expect(r).toEqual({ acked: 4, dead: 1 });
    expect(outboxStates(db)).toEqual({ acked: 4, dead: 1, pending: 5 });
    expect(queueCounts(db)).toEqual({ pending: 5, dead: 1 });
    expect(lastAck(db)).toEqual({ lastAckSeq: 8, lastAckAt: 42 });
    expect(listDeadLetters(db)).toMatchObject([{ seq: 2, code: 'INVALID_EVENT', message: 'bad', deadAt: 42 }]);
    // Applying the same answer again changes nothing.
    expect(applyAck(db, { firstSeq: 1, lastSeq: 5, ackSeq: 8, rejected: [{ seq: 2, code: 'INVALID_EVENT', message: 'bad' }], now: 43 })).toEqual({ acked: 0, dead: 0 });
  });

  it('re-queues from the number HQ asks for, or reports that it cannot', () => {
    const { db } = open();
    writeEvents(db, 'LAX-01', 6);
    applyAck(db, { firstSeq: 1, lastSeq: 6, ackSeq: 6, rejected: [{ seq: 5, code: 'INVALID_EVENT', message: 'x' }], now: 1 });
    expect(requeueFrom(db, 4)).toBe(3);
    expect(outboxStates(db)).toEqual({ acked: 3, pending: 3 });
    expect(listDeadLetters(db)).toEqual([]);
    expect(requeueFrom(db, 99)).toBeNull();
  });

  it('sends unreadable or oversized payloads as stand-ins and bounds batches by bytes', () => {
    const { db } = open();
    writeEvents(db, 'LAX-01', 4, (i) => (i === 1 ? '{broken' : i === 2 ? { big: 'z'.repeat(300_000) } : { i }));
    const batch = toWireBatch(readPendingEvents(db, 10), 1_000_000);
    expect(batch?.events).toHaveLength(4);
    expect(batch?.events[1]).toMatchObject({ seq: 2, payloadText: '{broken' });
    expect(batch?.events[2]).toMatchObject({ seq: 3, payloadOmittedBytes: expect.any(Number) });
    expect((batch?.events[2] as Record<string, unknown>)['payload']).toBeUndefined();
    expect(toWireBatch(readPendingEvents(db, 10), 500)?.events).toHaveLength(1);
    expect(toWireBatch([], 500)).toBeNull();
  });
});

function page(items: unknown[], cursor = 'c1', stream: PullPage['stream'] = 'manifests'): PullPage {
  return { reset: false, stream, cursor, upToDate: true, items };
}

describe('manifest pages', () => {
  it('upserts entries with their tracking index and the cursor in one transaction', () => {
    const { db } = open();
    const r = applyManifestPage(db, page([{ op: 'upsert', entry: makeManifest(1, 'LAX') }, { op: 'upsert', entry: makeManifest(2, 'LAX') }]), 'LAX', 5);
    expect(r).toEqual({ applied: 2, quarantined: 0, statusChanges: [] });
    expect((db.prepare('SELECT count(*) AS n FROM manifest_tracking').get() as { n: number }).n).toBe(4);
    expect(getCursor(db, 'manifests')).toBe('c1');
    const moved = makeManifest(1, 'LAX', { inboundTracking: ['NEWTRACK1'], consigneeIdStatus: 'received' });
    const r2 = applyManifestPage(db, page([{ op: 'upsert', entry: moved }], 'c2'), 'LAX', 6);
    expect(r2.statusChanges).toEqual([{ waybill: moved.waybill, consigneeIdStatus: 'received' }]);
    expect(db.prepare('SELECT tracking FROM manifest_tracking WHERE waybill = ?').all(moved.waybill)).toEqual([{ tracking: 'NEWTRACK1' }]);
  });

  it('sets aside unreadable items, other warehouses and unknown statuses, and keeps going', () => {
    const { db } = open();
    const r = applyManifestPage(
      db,
      page([
        { op: 'upsert', entry: { waybill: 'APELAXBAD1' } },
        { op: 'upsert', entry: makeManifest(3, 'CHI') },
        { op: 'status', waybill: 'APELAXNOPE1', consigneeIdStatus: 'received', dutiesStatus: 'paid' },
        { op: 'teleport' },
        { op: 'upsert', entry: makeManifest(4, 'LAX') },
      ]),
      'LAX',
      7,
    );
    expect(r.applied).toBe(1);
    expect(r.quarantined).toBe(4);
    expect(quarantineCount(db)).toBe(4);
    expect(getCursor(db, 'manifests')).toBe('c1');
  });

  it('applies status items only when they change something', () => {
    const { db } = open();
    const m = makeManifest(5, 'LAX');
    applyManifestPage(db, page([{ op: 'upsert', entry: m }]), 'LAX', 1);
    const same = applyManifestPage(db, page([{ op: 'status', waybill: m.waybill, consigneeIdStatus: 'missing', dutiesStatus: 'unpaid' }]), 'LAX', 2);
    expect(same.statusChanges).toEqual([]);
    const paid = applyManifestPage(db, page([{ op: 'status', waybill: m.waybill, consigneeIdStatus: 'missing', dutiesStatus: 'paid' }]), 'LAX', 3);
    expect(paid.statusChanges).toEqual([{ waybill: m.waybill, dutiesStatus: 'paid' }]);
    const stored = JSON.parse((db.prepare('SELECT entry_json FROM manifests').get() as { entry_json: string }).entry_json) as Record<string, unknown>;
    expect(stored).toMatchObject({ dutiesStatus: 'paid', consigneeName: m.consigneeName });
    resetManifests(db, 4);
    expect((db.prepare('SELECT count(*) AS n FROM manifests').get() as { n: number }).n).toBe(0);
    expect(getCursor(db, 'manifests')).toBeNull();
  });

  it('rolls the whole page back if storing fails', () => {
    const { db } = open();
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON manifest_tracking WHEN NEW.tracking = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    expect(() => applyManifestPage(db, page([{ op: 'upsert', entry: makeManifest(6, 'LAX') }, { op: 'upsert', entry: makeManifest(7, 'LAX', { inboundTracking: ['BOOM'] }) }]), 'LAX', 1)).toThrow(/disk trouble/);
    expect((db.prepare('SELECT count(*) AS n FROM manifests').get() as { n: number }).n).toBe(0);
    expect(getCursor(db, 'manifests')).toBeNull();
  });
});

describe('reference pages', () => {
  it('stores documents of the stream\'s kind and sets the others aside', () => {
    const { db } = open();
    const r = applyReferencePage(db, page([{ op: 'upsert', doc: makeRateCardDoc('card-a', '1') }, { op: 'upsert', doc: { kind: 'prohibitedRules', docId: 'x', version: '1', body: {} } }], 'r1', 'rateCards'), 'rateCard', 1);
    expect(r).toEqual({ applied: 1, quarantined: 1 });
    expect(db.prepare('SELECT kind, doc_id, version FROM reference_docs').all()).toEqual([{ kind: 'rateCard', doc_id: 'card-a', version: '1' }]);
  });
});
