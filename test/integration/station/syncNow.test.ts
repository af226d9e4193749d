import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };

/** A stand-in HQ that answers every pull with an empty, up-to-date page and counts the pulls per stream. */
function countingHq(): { server: Server; pulls: Map<string, number>; url: () => string } {
  const pulls = new Map<string, number>();
  const server = createServer((req, res) => {
    const match = /^\/v1\/pull\/(\w+)/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (match?.[1]) {
      pulls.set(match[1], (pulls.get(match[1]) ?? 0) + 1);
      res.end(JSON.stringify({ reset: false, stream: match[1], cursor: 'c1', upToDate: true, items: [] }));
    } else if (req.url === '/v1/health') {
      res.end(JSON.stringify({ ok: true, service: 'ecms-hq', serverTime: Date.now() }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  return { server, pulls, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let temp: ReturnType<typeof makeTempDir>;
let hq: ReturnType<typeof countingHq>;
let station: Station;

beforeEach(async () => {
  temp = makeTempDir('sync-now');
  hq = countingHq();
  await new Promise<void>((resolve) => hq.server.listen(0, '127.0.0.1', resolve));
  station = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => ACCEPT,
    hq: { hqUrl: hq.url(), token: `ecms1_${'0'.repeat(16)}_${'A'.repeat(43)}` },
  });
});
afterEach(async () => {
  await station.close();
  await new Promise<void>((resolve) => hq.server.close(() => resolve()));
  temp.cleanup();
});

describe('sync.now: a worker asks the station to sync at once', () => {
  it('pulls every reference stream again straight away instead of waiting for the next pull interval', async () => {
    await until(() => (hq.pulls.get('manifests') ?? 0) >= 1 && (hq.pulls.get('prohibitedRules') ?? 0) >= 1, 5_000);
    await new Promise((r) => setTimeout(r, 200));
    const before = new Map(hq.pulls);
    const reply = await dispatchCommand(station.handlers, 'sync.now', {}, { error: () => {} });
    expect(reply.ok).toBe(true);
    await until(() => ['manifests', 'rateCards', 'prohibitedRules'].every((s) => (hq.pulls.get(s) ?? 0) > (before.get(s) ?? 0)), 5_000);
  });
});
