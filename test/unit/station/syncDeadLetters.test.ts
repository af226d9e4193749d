import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { applyAck } from '../../../electron/db/queries/outbox.ts';
import { COMMANDS } from '../../../shared/contract/commands.ts';
import { DEAD_LETTERS_MAX } from '../../../shared/contract/limits.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
let temp: ReturnType<typeof makeTempDir>;
let station: Station;

beforeEach(() => {
  temp = makeTempDir('dead-letters');
  station = createStation({ signedInAs: TEST_LEAD, dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => ACCEPT, now: () => 1_000 });
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

const deadLetters = (request: unknown) => dispatchCommand(station.handlers, 'sync.deadLetters', request, { error: () => {} });

describe('sync.deadLetters: the events HQ refused for good, for a lead to look at', () => {
  it('lists nothing on a fresh station, then each refused event with its intake and HQ reason, oldest first', async () => {
    expect(await deadLetters({ limit: 10 })).toEqual({ ok: true, data: [] });
    const intakeIds = [randomUUID(), randomUUID()];
    for (const [i, intakeId] of intakeIds.entries()) {
      const scanned = await dispatchCommand(station.handlers, 'intake.scan', { commandId: randomUUID(), intakeId, raw: `GOOD-D${i}`, source: 'wedge' }, { error: () => {} });
      const cancelled = await dispatchCommand(station.handlers, 'intake.cancel', { commandId: randomUUID(), intakeId, reason: 'wrong parcel' }, { error: () => {} });
      expect([scanned.ok, cancelled.ok]).toEqual([true, true]);
    }
    const seqs = (station.db.prepare('SELECT seq FROM events ORDER BY seq').all() as Array<{ seq: number }>).map((e) => e.seq);
    const [first, last] = [seqs[0] ?? 0, seqs.at(-1) ?? 0];
    applyAck(station.db, { firstSeq: first, lastSeq: last, ackSeq: last, rejected: [{ seq: last, code: 'INVALID_EVENT', message: 'unknown field' }, { seq: first, code: 'INVALID_EVENT', message: 'bad time' }], now: 5_000 });

    const listed = await deadLetters({ limit: 10 });
    expect(listed).toMatchObject({ ok: true, data: [
      { seq: first, intakeId: intakeIds[0], code: 'INVALID_EVENT', message: 'bad time', deadAt: 5_000 },
      { seq: last, intakeId: intakeIds[1], code: 'INVALID_EVENT', message: 'unknown field', deadAt: 5_000 },
    ] });
    expect(COMMANDS['sync.deadLetters'].response.safeParse(listed.ok ? listed.data : null).success).toBe(true);
    expect(await deadLetters({ limit: 1 })).toMatchObject({ ok: true, data: [{ seq: first }] });
  });

  it('refuses a limit outside 1 … DEAD_LETTERS_MAX', async () => {
    for (const limit of [0, DEAD_LETTERS_MAX + 1]) expect(await deadLetters({ limit })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
