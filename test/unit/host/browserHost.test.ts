import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browserHost.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { recordingLogger } from '../../support/recordingLogger.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let host: BrowserHost;
const recorded = recordingLogger();

beforeAll(async () => {
  temp = makeTempDir('host');
  writeFileSync(`${temp.dir}/index.html`, '<!doctype html><title>station</title>');
  station = createStation({ signedInAs: TEST_LEAD, dataDir: `${temp.dir}/data`, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: recordingDecider({ decision: 'ACCEPT', reasons: [], reprice: null }) });
  host = await startBrowserHost({ station, rendererDir: temp.dir, logger: recorded.logger });
});
afterAll(async () => {
  await host.close();
  await station.close();
  temp.cleanup();
});

function connect(url: string, origin: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

const wsUrl = (token?: string) => `${host.origin.replace('http', 'ws')}/ws${token === undefined ? '' : `?token=${token}`}`;

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with a CSP', async () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses a WebSocket without the token (401), with a wrong token (401) or from another Origin (403)', async () => {
    expect(await connect(wsUrl(), host.origin)).toEqual({ status: 401 });
    expect(await connect(wsUrl('wrong-token'), host.origin)).toEqual({ status: 401 });
    expect(await connect(wsUrl(host.token), 'http://evil.example')).toEqual({ status: 403 });
    expect(await connect(wsUrl(host.token), 'http://127.0.0.1:1')).toEqual({ status: 403 });
    expect(recorded.lines.filter((l) => l.msg === 'refused a WebSocket').map((l) => l['status'])).toEqual([401, 401, 403, 403]);
  });

  it('runs commands and pushes events for the page with the token and the right Origin', async () => {
    const result = await connect(wsUrl(host.token), host.origin);
    if (!('ws' in result)) throw new Error(`refused: ${result.status}`);
    const { ws } = result;
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ id: 7, command: 'intake.scan', request: { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD-9', source: 'wedge' } }));
    ws.send(JSON.stringify({ id: 8, command: 'intake.scan', request: { raw: 42 } }));
    ws.send('not json');
    await expect.poll(() => frames.length).toBeGreaterThanOrEqual(3);
    expect(frames).toContainEqual(expect.objectContaining({ type: 'result', id: 7, result: expect.objectContaining({ ok: true }) }));
    expect(frames).toContainEqual(expect.objectContaining({ type: 'event', event: 'intake' }));
    expect(frames).toContainEqual({ type: 'result', id: 8, result: { ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) } });
    ws.close();
  });
});
