/**
 * pushOutbox builds the next batch while a push is out (electron/sync/pushOutbox.ts) and uses it only when HQ took
 * the whole push. Against a fake HQ that follows the protocol but takes only part of a push at random (a prefix),
 * refuses some events for good, and while a push is out the station writes more events, every event must reach
 * HQ exactly once, in order, and the outbox must end empty with the refused ones dead.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pushOutbox } from '../../../electron/sync/pushOutbox.ts';
import { DEFAULT_SYNC_TUNING, type SyncContext } from '../../../electron/sync/syncContext.ts';
import type { HqClient } from '../../../electron/sync/hqClient.ts';
import { failure } from '../../../electron/sync/syncFailure.ts';
import { openTestStationDb, outboxStates, writeEvents } from '../../integration/sync/stationHarness.ts';

interface Scenario {
  readonly initial: number;
  readonly batch: number;
  /** Per push: how much of it HQ takes (0..1 of the run), whether it refuses its first taken event, events written meanwhile. */
  readonly answers: ReadonlyArray<{ take: number; refuseFirst: boolean; writeMeanwhile: number }>;
}

const scenario = fc.record({
  initial: fc.integer({ min: 1, max: 60 }),
  batch: fc.integer({ min: 1, max: 12 }),
  answers: fc.array(fc.record({ take: fc.double({ min: 0, max: 1, noNaN: true }), refuseFirst: fc.boolean(), writeMeanwhile: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 30 }),
});

async function drain(s: Scenario): Promise<void> {
  const station = openTestStationDb({ synchronous: 'OFF' });
  try {
    writeEvents(station.db, 'LAX-01', s.initial);
    let written = s.initial;
    const stored: number[] = [];
    const refused = new Set<number>();
    let pushes = 0;
    const client: HqClient = {
      async push(_stationId, events) {
        // After the scripted answers HQ takes everything and the station stops writing, so the drain ends.
        const answer = s.answers[pushes] ?? { take: 1, refuseFirst: false, writeMeanwhile: 0 };
        pushes++;
        const seqs = events.map((e) => (e as { seq: number }).seq);
        // The station writes on while the push is out.
        writeEvents(station.db, 'LAX-01', answer.writeMeanwhile);
        written += answer.writeMeanwhile;
        await new Promise((r) => setImmediate(r));
        const last = stored.length;
        if (seqs[0] !== last + 1) return failure('gap', 'gap', { expectedSeq: last + 1 });
        for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe((seqs[i - 1] ?? 0) + 1);
        // Take a prefix of the push, at least one event (HQ always takes the event right after its mark).
        const n = Math.max(1, Math.round(answer.take * seqs.length));
        const taken = seqs.slice(0, n);
        if (answer.refuseFirst && taken[0] !== undefined) refused.add(taken[0]);
        stored.push(...taken);
        const rejected = [...refused].filter((q) => taken.includes(q)).map((seq) => ({ seq, code: 'INVALID_PAYLOAD' as const, message: 'bad' }));
        return { ok: true, value: { ackSeq: stored.length, rejected, serverTime: 1 } };
      },
      pull: () => Promise.reject(new Error('no pull here')),
      health: () => Promise.reject(new Error('no probe here')),
    };
    const ctx: SyncContext = {
      db: station.db,
      client,
      stationId: 'LAX-01',
      warehouse: 'LAX',
      tuning: { ...DEFAULT_SYNC_TUNING, batchMaxEvents: s.batch },
      signal: new AbortController().signal,
      now: () => 1,
      log: () => undefined,
      isRunning: () => true,
      report: () => undefined,
      onStatusChanged: undefined,
      onReferenceDataChanged: undefined,
    };
    // Each drain ends when the outbox is empty; events written during its last push wait for the next one.
    for (let round = 0; round < 200 && stored.length < written; round++) {
      const r = await pushOutbox(ctx);
      expect(r.ok).toBe(true);
    }
    expect(stored).toEqual(Array.from({ length: written }, (_, i) => i + 1));
    const states = outboxStates(station.db);
    expect({ acked: states['acked'] ?? 0, dead: states['dead'] ?? 0, pending: states['pending'] ?? 0 }).toEqual({ acked: written - refused.size, dead: refused.size, pending: 0 });
  } finally {
    station.close();
  }
}

describe('pushOutbox, building the next batch during a push', () => {
  it('delivers every event exactly once and in order, whatever part of each push HQ takes', async () => {
    await fc.assert(fc.asyncProperty(scenario, drain), { numRuns: 25 });
  }, 120_000);

  it('a push HQ takes only in part is followed by one from HQ\'s mark, not the batch built meanwhile', async () => {
    await drain({ initial: 10, batch: 4, answers: [{ take: 0.5, refuseFirst: false, writeMeanwhile: 0 }, { take: 1, refuseFirst: false, writeMeanwhile: 0 }] });
  });
});
