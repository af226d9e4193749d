/**
 * HQ protection (issue 14 item 6): the token is checked before a body is read, per-IP and per-token rate limits
 * (429 RATE_LIMITED with Retry-After), per-route body limits, and HTTPS with a certificate the test makes
 * (openssl), which the station's client verifies against a pinned CA file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { buildHqServer, listenHq, type HqServerOptions } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { createHqClient } from '../../../electron/sync/hqClient.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { wireEvent } from '../sync/fixtures.ts';

let db: HqDb;
const temp = makeTempDir('hq-protection');
beforeAll(async () => {
  db = await openHqDb({ kind: 'memory' });
});
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

const build = (extra: Partial<HqServerOptions> = {}) => buildHqServer({ db, ...extra });
const token = async (stationId: string) => (await createStationToken(db, { stationId, warehouse: 'LAX' })).token;

/** Sends only the request head of a POST announcing a large body, and resolves with whatever HQ answers first. */
function headOnly(url: string, headers: Record<string, string>, timeoutMs: number): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(u.port), u.hostname);
    let got = '';
    const done = (text: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    const timer = setTimeout(() => done(got || 'NO ANSWER'), timeoutMs);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n\r\n')) done(got);
    });
    socket.on('error', () => done(got || 'SOCKET ERROR'));
    const lines = [`POST /v1/push HTTP/1.1`, `Host: ${u.host}`, 'Content-Type: application/json', `Content-Length: ${16 * 1024 * 1024}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('authentication before the body', () => {
  it('answers 401 to a bad or missing token without waiting for the 16 MB body announced', async () => {
    const hq = await listenHq(build(), '127.0.0.1', 0);
    try {
      expect(await headOnly(hq.url, { Authorization: 'Bearer ecms1_0000000000000000_notatoken' }, 3000)).toMatch(/^HTTP\/1\.1 401/);
      expect(await headOnly(hq.url, {}, 3000)).toMatch(/^HTTP\/1\.1 401/);
    } finally {
      await hq.close();
    }
  });

  it('reads the push body only up to its route limit, and other routes only 1 KiB', async () => {
    const app = build();
    const t = await token('LAX-BODY-1');
    const big = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, payload: `{"x":"${'y'.repeat(17 * 1024 * 1024)}"}` });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const ok = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${t}` }, payload: { protocol: 1, stationId: 'LAX-BODY-1', events: [wireEvent(1, { payload: { pad: 'z'.repeat(100_000) } })] } });
    expect(ok.statusCode).toBe(200);
    expect(app.initialConfig.bodyLimit).toBe(1024);
  });
});

describe('rate limits', () => {
  it('per token: the station over its limit gets 429 RATE_LIMITED with Retry-After; another station does not', async () => {
    const app = build({ rateLimits: { perIpPerMinute: 1000, perTokenPerMinute: 3 } });
    const [a, b] = [await token('LAX-RATE-1'), await token('LAX-RATE-2')];
    const pull = (t: string) => app.inject({ method: 'GET', url: '/v1/pull/rateCards', headers: { authorization: `Bearer ${t}` } });
    for (let i = 0; i < 3; i++) expect((await pull(a)).statusCode).toBe(200);
    const limited = await pull(a);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await pull(b)).statusCode).toBe(200);
  });

  it('per IP: every request counts, token guesses included', async () => {
    const app = build({ rateLimits: { perIpPerMinute: 4, perTokenPerMinute: 1000 } });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/v1/pull/rateCards', headers: { authorization: 'Bearer guess' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
    const limited = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

describe('HTTPS', () => {
  const certs = () => {
    const cert = path.join(temp.dir, 'hq.crt');
    const key = path.join(temp.dir, 'hq.key');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=ECMS test HQ',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const other = path.join(temp.dir, 'other.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=Someone else',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(temp.dir, 'other.key'), '-out', other], { stdio: 'ignore' });
    return { cert, key, other };
  };

  it('serves HTTPS with a certificate; the station trusts it only through the pinned CA file', async () => {
    const files = certs();
    const hq = await listenHq(build({ tls: { cert: readFileSync(files.cert), key: readFileSync(files.key) } }), '127.0.0.1', 0);
    try {
      expect(hq.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const t = await token('LAX-TLS-1');
      const signal = new AbortController().signal;
      const pinned = createHqClient({ hqUrl: hq.url, token: t, requestTimeoutMs: 5000, caFile: files.cert });
      expect(await pinned.health(signal)).toMatchObject({ ok: true, value: { ok: true } });
      expect(await pinned.push('LAX-TLS-1', [wireEvent(1)], signal)).toMatchObject({ ok: true, value: { ackSeq: 1 } });
      // Not trusted: the system's CAs do not know a self-signed certificate, nor does another pinned CA.
      const unpinned = createHqClient({ hqUrl: hq.url, token: t, requestTimeoutMs: 5000 });
      expect(await unpinned.health(signal)).toMatchObject({ ok: false, failure: { kind: 'offline', message: expect.stringMatching(/SELF_SIGNED|CERT/) } });
      const wrong = createHqClient({ hqUrl: hq.url, token: t, requestTimeoutMs: 5000, caFile: files.other });
      expect(await wrong.health(signal)).toMatchObject({ ok: false, failure: { kind: 'offline' } });
      // Plain HTTP to the HTTPS port gets nowhere.
      const plain = createHqClient({ hqUrl: hq.url.replace('https:', 'http:'), token: t, requestTimeoutMs: 2000 });
      expect((await plain.health(signal)).ok).toBe(false);
    } finally {
      await hq.close();
    }
  });
});
