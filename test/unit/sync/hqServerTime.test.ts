/** The HQ client hands HQ's time (each answer's Date header) to station time (issue 14, M1). */
import { describe, expect, it } from 'vitest';
import { createHqClient } from '../../../electron/sync/hqClient.ts';

describe('HQ time from sync answers', () => {
  it('reports the Date header of every answer, ok or not, and nothing when it is missing or unreadable', async () => {
    const seen: number[] = [];
    const answers = [
      new Response(JSON.stringify({ ok: true }), { status: 200, headers: { date: 'Sun, 01 Nov 2026 08:00:00 GMT', 'content-type': 'application/json' } }),
      new Response(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'busy' } }), { status: 503, headers: { date: 'Sun, 01 Nov 2026 08:00:05 GMT' } }),
      new Response('{}', { status: 200, headers: { date: 'not a date' } }),
      new Response('{}', { status: 200 }),
    ];
    const fetch = (async () => answers.shift() as Response) as typeof globalThis.fetch;
    const client = createHqClient({ hqUrl: 'http://hq.test', token: 't', requestTimeoutMs: 1000, fetch, onServerTime: (t) => seen.push(t) });
    for (let i = 0; i < 4; i++) await client.health(new AbortController().signal);
    expect(seen).toEqual([Date.UTC(2026, 10, 1, 8, 0, 0), Date.UTC(2026, 10, 1, 8, 0, 5)]);
  });
});
