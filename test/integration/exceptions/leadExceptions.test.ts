/**
 * The exceptions a lead acts on, through the real station core (demo data, SQLite): a parcel flagged for inspection
 * is listed until a lead marks it inspected (one PARCEL_INSPECTED event in the outbox, applied once for a retried
 * command); a dead letter is listed with HQ's reason until it is resolved, or retried (back in the outbox as
 * pending); the hold shelf's audit log is readable; a hold near its expiry is listed; an operator is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { applyAck } from '../../../electron/db/queries/outbox.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD, TEST_OPERATOR } from '../../support/signedIn.ts';
import { DAY_MS } from '../../../shared/rules/holdAging.ts';

let station: Station;
let cleanup: () => void;
let now = Date.now();
beforeAll(async () => {
  const temp = makeTempDir('exceptions');
  cleanup = temp.cleanup;
  station = await openConfiguredStation({
    argv: ['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-TEST-9'],
    env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test', signedInAs: TEST_LEAD,
  });
  now = station.clock.now();
});
afterAll(async () => {
  await station.close();
  cleanup();
});

async function takeIn(scan: string, weight: string, dims: [string, string, string]): Promise<string> {
  const h = station.handlers;
  const intakeId = randomUUID();
  await h['intake.scan']({ commandId: randomUUID(), intakeId, raw: scan, source: 'wedge' });
  await h['intake.captureWeight']({ commandId: randomUUID(), intakeId, manual: { value: weight, unit: 'lb', reason: 'exceptions test' } });
  await h['intake.setDimensions']({ commandId: randomUUID(), intakeId, length: dims[0], width: dims[1], height: dims[2], unit: 'in' });
  await h['intake.commitVerdict']({ commandId: randomUUID(), intakeId });
  return intakeId;
}

const outboxTypes = (): string[] =>
  (station.db.prepare("SELECT e.type FROM outbox o JOIN events e ON e.seq = o.seq WHERE o.state = 'pending' ORDER BY o.seq").all() as Array<{ type: string }>).map((r) => r.type);

describe('exceptions a lead acts on', () => {
  it('a flagged parcel waits for inspection until a lead marks it inspected, once', async () => {
    const mismatch = await takeIn('1Z4E81W20370000950', '6.5', ['24', '6', '6']);
    const review = await takeIn('774900233117', '1.9', ['8', '8', '6']);
    await takeIn('1Z4E81W20370000156', '3.2', ['12', '10', '8']); // a plain accept: not listed
    const before = await station.handlers['exceptions.list']({ limit: 50 });
    expect(before.awaitingInspection.map((a) => [a.intakeId, a.codes])).toEqual([[mismatch, ['WEIGHT_MISMATCH']], [review, ['CONTENT_REVIEW']]]);

    const commandId = randomUUID();
    expect(await station.handlers['intake.markInspected']({ commandId, intakeId: mismatch, note: 'weighed again, label right' })).toEqual({ changed: true });
    expect(await station.handlers['intake.markInspected']({ commandId, intakeId: mismatch, note: 'weighed again, label right' })).toEqual({ changed: false });
    expect(outboxTypes().filter((t) => t === 'PARCEL_INSPECTED')).toHaveLength(1);
    const event = station.db.prepare("SELECT payload FROM events WHERE type = 'PARCEL_INSPECTED'").get() as { payload: string };
    expect(JSON.parse(event.payload)).toEqual({ codes: ['WEIGHT_MISMATCH'], note: 'weighed again, label right', operator: TEST_LEAD.operatorId });
    const after = await station.handlers['exceptions.list']({ limit: 50 });
    expect(after.awaitingInspection.map((a) => a.intakeId)).toEqual([review]);
    await expect((async () => station.handlers['intake.markInspected']({ commandId: randomUUID(), intakeId: mismatch, note: 'again please' }))()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a dead letter shows HQ’s reason; resolve takes it off the list, retry puts it back in the outbox', async () => {
    const seqs = (station.db.prepare('SELECT seq FROM outbox ORDER BY seq LIMIT 2').all() as Array<{ seq: number }>).map((r) => r.seq);
    const [a, b] = seqs as [number, number];
    applyAck(station.db, { firstSeq: a, lastSeq: b, ackSeq: b, now, rejected: [
      { seq: a, code: 'INVALID_PAYLOAD', message: 'weight is missing' }, { seq: b, code: 'UNSAFE_TEXT', message: 'control character in note' },
    ] });
    const listed = await station.handlers['exceptions.list']({ limit: 50 });
    expect(listed.deadLetters.map((d) => [d.seq, d.code, d.message])).toEqual([[a, 'INVALID_PAYLOAD', 'weight is missing'], [b, 'UNSAFE_TEXT', 'control character in note']]);

    expect(await station.handlers['sync.resolveDeadLetter']({ commandId: randomUUID(), seq: a, note: 'sent to HQ by mail' })).toEqual({ changed: true });
    expect(await station.handlers['sync.resolveDeadLetter']({ commandId: randomUUID(), seq: a, note: 'sent to HQ by mail' })).toEqual({ changed: false });
    expect((await station.handlers['exceptions.list']({ limit: 50 })).deadLetters.map((d) => d.seq)).toEqual([b]);

    expect(await station.handlers['sync.retryDeadLetter']({ commandId: randomUUID(), seq: b })).toEqual({ changed: true });
    expect(await station.handlers['sync.retryDeadLetter']({ commandId: randomUUID(), seq: b })).toEqual({ changed: false });
    expect((await station.handlers['exceptions.list']({ limit: 50 })).deadLetters).toEqual([]);
    expect(station.db.prepare('SELECT state FROM outbox WHERE seq = ?').get(b)).toEqual({ state: 'pending' });
    expect(station.db.prepare('SELECT state FROM outbox WHERE seq = ?').get(a)).toEqual({ state: 'dead' });
  });

  it('the hold shelf’s audit log and holds near expiry', async () => {
    const held = await takeIn('TBA300014123456', '1.5', ['9', '6', '3']);
    const audit = await station.handlers['holds.audit']({ limit: 50 });
    expect(audit[0]).toMatchObject({ intakeId: held, action: 'placed' });
    expect((await station.handlers['exceptions.list']({ limit: 50 })).holdsNearExpiry).toEqual([]);
    // The hold was put on the shelf 28 days ago: 2 days from expiry.
    station.db.prepare('UPDATE holds SET held_at = ? WHERE intake_id = ?').run(station.clock.now() - 28 * DAY_MS, held);
    const near = (await station.handlers['exceptions.list']({ limit: 50 })).holdsNearExpiry;
    expect(near.map((h) => h.intakeId)).toEqual([held]);
    expect(await station.handlers['holds.audit']({ holdId: near[0]?.holdId ?? '', limit: 5 })).toHaveLength(1);
  });
});

describe('an operator', () => {
  it('is refused every exception command and the summary by the core', async () => {
    const temp = makeTempDir('exceptions-op');
    const op = await openConfiguredStation({
      argv: ['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-TEST-8'],
      env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test', signedInAs: TEST_OPERATOR,
    });
    try {
      const h = op.handlers;
      const calls: Array<() => unknown> = [
        () => h['summary.day']({}), () => h['exceptions.list']({ limit: 5 }), () => h['holds.audit']({ limit: 5 }),
        () => h['sync.retryDeadLetter']({ commandId: randomUUID(), seq: 1 }),
        () => h['sync.resolveDeadLetter']({ commandId: randomUUID(), seq: 1, note: 'not mine' }),
        () => h['intake.markInspected']({ commandId: randomUUID(), intakeId: randomUUID(), note: 'not mine' }),
      ];
      for (const call of calls) await expect((async () => call())()).rejects.toMatchObject({ code: 'LEAD_ONLY' });
    } finally {
      await op.close();
      temp.cleanup();
    }
  });
});
