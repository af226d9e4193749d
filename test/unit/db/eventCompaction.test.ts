/**
 * Issue 17, item 3: synced events are compacted after the retention. Any sequence of new events, acknowledgements
 * and sweeps compacts only events HQ acknowledged longer than the retention ago, in sequence order, never one still
 * pending or dead, and nothing else of a payload than a verdict's reprice inputs and trace; the trail's words for
 * every event are the same before and after; HQ asking for a compacted event again is refused (the gap cannot be
 * filled exactly), a later one is still served.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { insertEventWithOutbox } from '../../../electron/db/queries/events.ts';
import { applyAck, requeueFrom } from '../../../electron/db/queries/outbox.ts';
import { compactedThroughSeq, compactSyncedEvents } from '../../../electron/db/queries/eventCompaction.ts';
import { trailWords } from '../../../electron/station/trailWords.ts';
import { startEventCompaction } from '../../../electron/db/compactionSchedule.ts';

const RETENTION = 1000;
const verdictPayload = (n: number) =>
  JSON.stringify({
    verdict: {
      decision: 'ACCEPT', reasons: [],
      reprice: { currency: 'USD', priceMinor: 2150 + n, deltaMinor: 0, billableMass: 4000, rateCardId: 'card-a', rateCardVersion: '2026-01', inputs: { rateCard: { big: 'x'.repeat(900) } }, trace: ['step'.repeat(100)] },
    },
  });
const otherPayload = (n: number) => JSON.stringify({ source: 'manual', mass: n, reason: 'typed' });

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  db.prepare(`INSERT INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, tracking, operator, created_at, updated_at) VALUES ('i1', 'S', 'ready', 'x', 'x', 'x', 'op', 0, 0)`).run();
  return db;
}

const op = fc.oneof(
  fc.record({ op: fc.constant('add' as const), verdict: fc.boolean() }),
  fc.record({ op: fc.constant('ack' as const), upTo: fc.integer({ min: 1, max: 30 }), reject: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }) }),
  fc.record({ op: fc.constant('compact' as const), batch: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 800 }) }),
);

describe('compaction of synced events', () => {
  it('compacts only events acknowledged longer than the retention ago, in order, keeping the trail words', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const db = freshDb();
        let now = 10_000;
        let n = 0;
        const original = new Map<number, { type: string; payload: string }>();
        for (const o of ops) {
          if (o.op === 'add') {
            n++;
            const type = o.verdict ? 'VERDICT_COMMITTED' : 'WEIGHT_CAPTURED';
            const payload = o.verdict ? verdictPayload(n) : otherPayload(n);
            const seq = insertEventWithOutbox(db, { eventId: `e${n}`, commandId: `c${n}`, intakeId: 'i1', type, payloadJson: payload, capturedAt: now });
            original.set(seq, { type, payload });
          } else if (o.op === 'ack') {
            const rejected = o.reject === undefined ? [] : [{ seq: o.reject, code: 'INVALID_PAYLOAD', message: 'bad' }];
            applyAck(db, { firstSeq: 1, lastSeq: o.upTo, ackSeq: o.upTo, rejected, now });
          } else if (o.op === 'wait') now += o.ms;
          else {
            const before = compactedThroughSeq(db);
            compactSyncedEvents(db, { now, retentionMs: RETENTION, batch: o.batch });
            const through = compactedThroughSeq(db);
            expect(through).toBeGreaterThanOrEqual(before);
            const outbox = db.prepare('SELECT seq, state, acked_at FROM outbox WHERE seq <= ?').all(through) as Array<{ seq: number; state: string; acked_at: number }>;
            for (const r of outbox) if (r.seq > before) expect(r.state === 'acked' && r.acked_at <= now - RETENTION).toBe(true);
          }
        }
        const through = compactedThroughSeq(db);
        const rows = db.prepare('SELECT seq, type, payload FROM events ORDER BY seq').all() as Array<{ seq: number; type: string; payload: string }>;
        for (const r of rows) {
          const first = original.get(r.seq)!;
          const compactable = r.seq <= through && first.type === 'VERDICT_COMMITTED';
          if (!compactable) expect(r.payload).toBe(first.payload);
          else {
            const p = JSON.parse(r.payload) as { verdict: { reprice: Record<string, unknown> } };
            expect(p.verdict.reprice['inputs']).toBeUndefined();
            expect(p.verdict.reprice['trace']).toBeUndefined();
            expect(r.payload.length).toBeLessThan(first.payload.length / 4);
          }
          expect(trailWords(r.type, JSON.parse(r.payload))).toBe(trailWords(first.type, JSON.parse(first.payload)));
        }
        if (through > 0) expect(requeueFrom(db, through)).toBeNull();
        const next = rows.find((r) => r.seq > through);
        if (next) expect(requeueFrom(db, next.seq)).not.toBeNull();
        db.close();
      }),
      { numRuns: 80 },
    );
  });

  it('compacts a verdict HQ acknowledged long ago and leaves a newer one alone', () => {
    const db = freshDb();
    const old = insertEventWithOutbox(db, { eventId: 'a', commandId: 'a', intakeId: 'i1', type: 'VERDICT_COMMITTED', payloadJson: verdictPayload(1), capturedAt: 0 });
    applyAck(db, { firstSeq: old, lastSeq: old, ackSeq: old, rejected: [], now: 0 });
    const young = insertEventWithOutbox(db, { eventId: 'b', commandId: 'b', intakeId: 'i1', type: 'VERDICT_COMMITTED', payloadJson: verdictPayload(2), capturedAt: 5000 });
    applyAck(db, { firstSeq: young, lastSeq: young, ackSeq: young, rejected: [], now: 5000 });
    expect(compactSyncedEvents(db, { now: 5500, retentionMs: RETENTION })).toBe(1);
    expect(compactedThroughSeq(db)).toBe(old);
    const payload = (seq: number) => (db.prepare('SELECT payload FROM events WHERE seq = ?').get(seq) as { payload: string }).payload;
    expect(payload(old).length).toBeLessThan(400);
    expect(payload(young)).toBe(verdictPayload(2));
    expect(compactSyncedEvents(db, { now: 5500, retentionMs: RETENTION })).toBe(0);
    db.close();
  });
});

describe('the compaction schedule', () => {
  it('compacts only between parcels: never while an intake is open', () => {
    const db = freshDb();
    const seq = insertEventWithOutbox(db, { eventId: 'a', commandId: 'a', intakeId: 'i1', type: 'VERDICT_COMMITTED', payloadJson: verdictPayload(1), capturedAt: 0 });
    applyAck(db, { firstSeq: seq, lastSeq: seq, ackSeq: seq, rejected: [], now: 0 });
    const errors: unknown[] = [];
    const schedule = startEventCompaction({ db, retentionDays: 1, now: () => 10 * 86_400_000, onError: (e) => errors.push(e) });
    db.prepare("UPDATE intakes SET state = 'scanned' WHERE intake_id = 'i1'").run();
    expect(schedule.sweep()).toBe(0);
    expect(compactedThroughSeq(db)).toBe(0);
    db.prepare("UPDATE intakes SET state = 'ready' WHERE intake_id = 'i1'").run();
    expect(schedule.sweep()).toBe(1);
    expect(compactedThroughSeq(db)).toBe(seq);
    schedule.stop();
    expect(errors).toEqual([]);
    db.close();
  });
});
