/**
 * A host that cannot be knocked over: the real browser-mode station process gets WebSocket frames that break the
 * protocol, made by hand over a raw TCP socket. Each closes only that socket, with the protocol's close code, is
 * logged, and the station keeps answering a new client. Also: the 70 KB paste, and the per-connection rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { startStationProcess, StationSocket, type StationProcess } from '../../support/stationProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { encodeFrame, openRaw, type FrameSpec } from '../../support/rawWebSocket.ts';
import { MAX_FRAME_BYTES } from '../../../electron/host/frameLimits.ts';
import { BENCH_RATE_LIMIT } from '../../../electron/host/commandRateLimit.ts';

let temp: ReturnType<typeof makeTempDir>;
let proc: StationProcess;

beforeAll(async () => {
  temp = makeTempDir('host-protocol');
  proc = await startStationProcess(['--data-dir', temp.dir, '--no-demo', '--station-id', 'LAX-WS-1', '--warehouse', 'LAX'], { ECMS_LOG_PRETTY: '0' });
});
afterAll(async () => {
  await proc.kill('SIGTERM');
  temp.cleanup();
});

function logLines(): Array<Record<string, unknown>> {
  const dir = path.join(temp.dir, 'logs');
  return readdirSync(dir).filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
}

async function stillServes(): Promise<void> {
  expect(proc.child.exitCode).toBeNull();
  const socket = await StationSocket.open(proc.info);
  try {
    expect(await socket.call('intake.current', {})).toEqual({ ok: true, data: null });
  } finally {
    socket.close();
  }
}

const text = (s: string) => Buffer.from(s, 'utf8');
const command = JSON.stringify({ id: 1, command: 'intake.current', request: {} });

const CASES: ReadonlyArray<{ name: string; frames: FrameSpec[]; code: number; wsCode: string }> = [
  { name: 'a frame over the size limit', frames: [{ opcode: 1, payload: Buffer.alloc(MAX_FRAME_BYTES + 1, 0x61) }], code: 1009, wsCode: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' },
  { name: 'invalid UTF-8 in a text frame', frames: [{ opcode: 1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }], code: 1007, wsCode: 'WS_ERR_INVALID_UTF8' },
  { name: 'RSV1 set without compression', frames: [{ opcode: 1, payload: text(command), rsv: 0b100 }], code: 1002, wsCode: 'WS_ERR_UNEXPECTED_RSV_1' },
  { name: 'RSV2 and RSV3 set', frames: [{ opcode: 1, payload: text(command), rsv: 0b011 }], code: 1002, wsCode: 'WS_ERR_UNEXPECTED_RSV_2_3' },
  { name: 'an unmasked client frame', frames: [{ opcode: 1, payload: text(command), masked: false }], code: 1002, wsCode: 'WS_ERR_EXPECTED_MASK' },
  { name: 'a reserved opcode (0x3)', frames: [{ opcode: 0x3, payload: text('x') }], code: 1002, wsCode: 'WS_ERR_INVALID_OPCODE' },
  { name: 'a fragmented control frame (ping without FIN)', frames: [{ opcode: 0x9, payload: text('p'), fin: false }], code: 1002, wsCode: 'WS_ERR_EXPECTED_FIN' },
  { name: 'a continuation frame with no message to continue', frames: [{ opcode: 0x0, payload: text(command) }], code: 1002, wsCode: 'WS_ERR_INVALID_OPCODE' },
];

describe('the browser-mode host under protocol errors', () => {
  for (const c of CASES) {
    it(`closes the socket with ${c.code} for ${c.name}, logs it, and keeps serving`, async () => {
      const raw = await openRaw(proc.info.origin, proc.info.token);
      for (const f of c.frames) raw.send(encodeFrame(f));
      expect(await raw.closed()).toEqual({ code: c.code });
      await stillServes();
      await expect.poll(() => logLines().some((l) => l['msg'] === 'closed a WebSocket that broke the protocol' && (l['err'] as { code?: string } | undefined)?.code === c.wsCode)).toBe(true);
    });
  }

  it('survives a 70 KB paste into the scan field: that socket closes with 1009, a new one works; 10 KB is refused as a request', async () => {
    const socket = await StationSocket.open(proc.info);
    const big = socket.call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'A'.repeat(70_000), source: 'keyboard' });
    expect(await big).toMatchObject({ ok: false });
    await stillServes();
    // Under the frame limit but over the scan limit: a typed refusal on a socket that stays open.
    const again = await StationSocket.open(proc.info);
    const result = await again.call('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'A'.repeat(10_000), source: 'keyboard' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await again.call('intake.current', {})).toEqual({ ok: true, data: null });
    again.close();
  });

  it('closes with 1009 as a ws client sees it', async () => {
    const ws = new WebSocket(`${proc.info.origin.replace('http', 'ws')}/ws?token=${proc.info.token}`, { origin: proc.info.origin });
    ws.on('error', () => undefined);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, command: 'intake.scan', request: { raw: 'A'.repeat(70_000) } }));
    expect(await closed).toBe(1009);
  });

  it('refuses commands over the per-connection rate limit with RATE_LIMITED, and other connections are not affected', async () => {
    const flood = await StationSocket.open(proc.info);
    const count = BENCH_RATE_LIMIT.burst + 80;
    const results = await Promise.all(Array.from({ length: count }, () => flood.call('intake.current', {})));
    const refused = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    const answered = results.filter((r) => r.ok);
    expect(answered.length).toBeGreaterThanOrEqual(BENCH_RATE_LIMIT.burst);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length + refused.length).toBe(count);
    expect(refused[0]).toMatchObject({ ok: false, error: { message: expect.stringMatching(/wait/i) } });
    await stillServes();
    // The bucket refills: after a pause the same connection is served again.
    await new Promise((r) => setTimeout(r, 300));
    expect(await flood.call('intake.current', {})).toEqual({ ok: true, data: null });
    flood.close();
    // Logged once per run of refusals, not once per refused frame.
    const logged = logLines().filter((l) => l['msg'] === 'refused commands over the rate limit').length;
    expect(logged).toBeGreaterThanOrEqual(1);
    expect(logged).toBeLessThanOrEqual(refused.length);
  });
});
