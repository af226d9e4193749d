/**
 * H1 from the station's side, on PGlite and PostgreSQL: events already in a station's outbox holding NUL, a lone
 * surrogate, `payload: null` or 5000 levels of nesting (written before text hygiene existed, or by a bug) are each
 * refused by HQ alone; the station moves each to its dead letters with HQ's reason, and every other event is
 * delivered: the queue never stalls.
 */
import { afterEach, expect, it } from 'vitest';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { openTestStationDb, outboxStates, writeEvents } from './stationHarness.ts';
import { hqHoldings, makeService, startTestHq } from './syncHarness.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Payload texts as the station database holds them (JSON text: a NUL or a lone surrogate is a \u escape). */
const BAD: Record<number, { text: string; code: string }> = {
  2: { text: '{"raw":"\\u0000APELAX1040039963"}', code: 'UNSAFE_TEXT' },
  5: { text: '{"operator":"Dana\\u0000"}', code: 'UNSAFE_TEXT' },
  8: { text: '{"note":"\\ud800"}', code: 'UNSAFE_TEXT' },
  11: { text: 'null', code: 'INVALID_PAYLOAD' },
  14: { text: `${'{"v":'.repeat(5000)}1${'}'.repeat(5000)}`, code: 'TOO_DEEP' },
};

describeEachBackend('unsafe events in the outbox', (h) => {
  it('each becomes a dead letter with HQ\'s reason, and every other event reaches HQ', async () => {
    const hq = await startTestHq(h.db);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-09', warehouse: 'LAX' });
    const station = openTestStationDb();
    writeEvents(station.db, 'LAX-09', 20, (i) => BAD[i]?.text ?? { i });
    const service = makeService(station.db, { hqUrl: hq.url, token }, 'LAX-09', 'LAX');
    cleanups.push(async () => {
      await service.stop();
      station.close();
      await hq.close();
    });
    service.start();
    expect(await service.whenIdle(30_000)).toBe(true);
    const badSeqs = Object.keys(BAD).map((i) => Number(i) + 1);
    expect(service.getStatus()).toMatchObject({ pending: 0, dead: badSeqs.length, lastAckSeq: 20 });
    expect(outboxStates(station.db)).toEqual({ acked: 20 - badSeqs.length, dead: badSeqs.length });
    expect(service.listDeadLetters().map((d) => [d.seq, d.code])).toEqual(Object.entries(BAD).map(([i, b]) => [Number(i) + 1, b.code]));
    const held = await hqHoldings(h.db, 'LAX-09');
    expect(held.rejected).toBe(badSeqs.length);
    expect(held.bySeq.size).toBe(20 - badSeqs.length);
  });
});
