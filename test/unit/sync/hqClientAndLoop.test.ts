import { afterEach, describe, expect, it } from 'vitest';
import { createHqClient } from '../../../electron/sync/hqClient.ts';
import { createSyncService, type SyncService } from '../../../electron/sync/createSyncService.ts';
import { openTestStationDb, outboxStates, writeEvents, type TestStationDb } from '../../integration/sync/stationHarness.ts';
import { waitForStatus } from '../../integration/sync/syncHarness.ts';

const TOKEN = `ecms1_${'0'.repeat(16)}_${'A'.repeat(43)}`;
type FetchImpl = (url: string, init: RequestInit) => Promise<Response>;
const asFetch = (f: FetchImpl): typeof fetch => f as unknown as typeof fetch;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('HQ client', () => {
  const signal = new AbortController().signal;
  const client = (f: FetchImpl, timeout = 1000) => createHqClient({ hqUrl: 'http://127.0.0.1:1', token: TOKEN, requestTimeoutMs: timeout, fetch: asFetch(f) });

  it('parses answers and sorts failures', async () => {
    expect(await client(async () => json(200, { ackSeq: 2, rejected: [], serverTime: 1 })).push('LAX-01', [{}], signal)).toMatchObject({ ok: true, value: { ackSeq: 2 } });
    expect(await client(async () => json(200, '{"ackSeq":')).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(await client(async () => json(200, { ackSeq: 'two' })).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(await client(async () => json(409, { error: { code: 'SEQ_GAP', message: 'm' }, expectedSeq: 7 })).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'gap', expectedSeq: 7 } });
    expect(await client(async () => json(409, { error: { code: 'SEQ_GAP', message: 'm' } })).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(await client(async () => json(503, 'busy', { 'retry-after': '3' })).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'http', status: 503, retryAfterMs: 3000 } });
    expect(await client(async () => json(401, { error: { code: 'UNAUTHORIZED', message: 'no' } })).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'auth', code: 'UNAUTHORIZED' } });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(await client(async () => Promise.reject(refused)).push('LAX-01', [{}], signal)).toMatchObject({ ok: false, failure: { kind: 'offline', message: expect.stringMatching(/ECONNREFUSED/) } });
  });

  it('times out a request that never answers, and reports a stop as aborted', async () => {
    const never: FetchImpl = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await client(never, 50).health(signal)).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    const ac = new AbortController();
    const p = client(never, 10_000).health(ac.signal);
    ac.abort();
    expect(await p).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
  });
});

describe('sync loop against a scripted HQ', () => {
  let station: TestStationDb | null = null;
  let service: SyncService | null = null;
  afterEach(async () => {
    await service?.stop();
    station?.close();
  });

  it('keeps events and shows a clear error when HQ answers nonsense; Retry-After sets the next attempt', async () => {
    station = openTestStationDb({ synchronous: 'OFF' });
    writeEvents(station.db, 'LAX-01', 3);
    let calls = 0;
    const fake: FetchImpl = async (url) => {
      calls++;
      if (url.includes('/v1/push')) return calls === 1 ? json(200, '<html>proxy error</html>') : json(503, 'later', { 'retry-after': '30' });
      return json(200, { reset: false, stream: 'manifests', cursor: 'c', upToDate: true, items: [] });
    };
    service = createSyncService({
      db: station.db,
      stationId: 'LAX-01',
      warehouse: 'LAX',
      hq: { hqUrl: 'http://127.0.0.1:1', token: TOKEN },
      fetch: asFetch(fake),
      random: () => 0,
      tuning: { baseMs: 10, capMs: 20, maxRetryAfterMs: 60_000, streams: [] },
    });
    service.start();
    const first = await waitForStatus(service, (s) => s.phase === 'waiting');
    expect(first.lastError).toMatch(/cannot read/);
    expect(first.pending).toBe(3);
    expect(outboxStates(station.db)).toEqual({ pending: 3 });
    const attempts = (station.db.prepare('SELECT attempts, last_error FROM outbox WHERE seq = 1').get() as { attempts: number; last_error: string });
    expect(attempts.attempts).toBe(1);
    const waiting = await waitForStatus(service, (s) => s.phase === 'waiting' && /503/.test(s.lastError ?? ''));
    expect(waiting.nextAttemptAt).not.toBeNull();
    expect((waiting.nextAttemptAt ?? 0) - Date.now()).toBeGreaterThan(25_000);
    // The network is back: retry at once instead of waiting 30 s.
    const before = calls;
    service.nudge();
    await waitForStatus(service, () => calls > before, 5_000);
  });

  it('probes a dead HQ cheaply and retries as soon as it answers', async () => {
    station = openTestStationDb({ synchronous: 'OFF' });
    writeEvents(station.db, 'LAX-01', 2);
    let up = false;
    let probes = 0;
    const fake: FetchImpl = async (url, init) => {
      if (!up) return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
      if (url.includes('/v1/health')) {
        probes++;
        return json(200, { ok: true, service: 'ecms-hq', serverTime: 1 });
      }
      const body = JSON.parse(String(init.body)) as { events: Array<{ seq: number }> };
      return json(200, { ackSeq: body.events.at(-1)?.seq ?? 0, rejected: [], serverTime: 1 });
    };
    service = createSyncService({
      db: station.db,
      stationId: 'LAX-01',
      warehouse: 'LAX',
      hq: { hqUrl: 'http://127.0.0.1:1', token: TOKEN },
      fetch: asFetch(fake),
      random: () => 0.99,
      tuning: { baseMs: 60_000, capMs: 60_000, probeIntervalMs: 40, streams: [] },
    });
    service.start();
    await waitForStatus(service, (s) => s.online === false && s.phase === 'waiting');
    up = true;
    const done = await waitForStatus(service, (s) => s.pending === 0, 10_000);
    expect(done.lastAckSeq).toBe(2);
    expect(probes).toBeGreaterThan(0);
  });
});
