/**
 * The browser-mode client when the station stops and comes back on the same address: calls made while it is down
 * are refused at once with STATION_UNREACHABLE (never queued to run later), the client reconnects by itself with a
 * growing pause, and serves calls again without being recreated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { wsStationClient } from '../../../renderer/station/wsStationClient.ts';
import { frameCheck } from '../../../renderer/station/parseFrames.ts';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, reconnectDelayMs } from '../../../renderer/station/reconnectBackoff.ts';
import { tokenFromHash } from '../../../renderer/station/connectStation.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A station on a fixed port that answers every command; it can be stopped and started again on the same port. */
async function station(port = 0) {
  const wss = new WebSocketServer({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const received: string[] = [];
  wss.on('connection', (socket) => socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { id: number; command: string };
    received.push(frame.command);
    socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, data: null } }));
  }));
  return {
    port: (wss.address() as AddressInfo).port,
    received,
    stop: () => new Promise<void>((resolve) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => resolve());
    }),
  };
}

describe('WebSocket client across a station restart', () => {
  it('refuses calls at once while down, reconnects by itself, and serves again', async () => {
    const first = await station();
    const links: boolean[] = [];
    const c = wsStationClient(`ws://127.0.0.1:${first.port}/ws`, (open) => links.push(open), { callTimeoutMs: 5000, check: frameCheck(() => undefined) });
    cleanups.push(() => c.close());
    expect(await c.call('intake.current', {})).toEqual({ ok: true, data: null });
    await first.stop();
    await expect.poll(() => links.at(-1)).toBe(false);

    const started = performance.now();
    const refused = await c.call('intake.scan', { commandId: crypto.randomUUID(), intakeId: crypto.randomUUID(), raw: '1Z4E81W20370000156', source: 'wedge' });
    expect(performance.now() - started).toBeLessThan(100);
    expect(refused).toMatchObject({ ok: false, error: { code: 'STATION_UNREACHABLE', message: expect.stringMatching(/not running.*nothing was done/i) } });

    const second = await station(first.port);
    cleanups.push(second.stop);
    await expect.poll(() => links.at(-1), { timeout: RECONNECT_MAX_MS * 2 }).toBe(true);
    expect(await c.call('intake.current', {})).toEqual({ ok: true, data: null });
    // The refused scan was never sent later.
    expect(second.received).toEqual(['intake.current']);
  });

  it('waits between attempts longer each time, up to a few seconds', () => {
    const delays = Array.from({ length: 12 }, (_, i) => reconnectDelayMs(i));
    expect(delays[0]).toBe(RECONNECT_FIRST_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(10_000)).toBe(RECONNECT_MAX_MS);
  });

  it('reads the token from the page address, and knows when there is none', () => {
    expect(tokenFromHash('#token=abc_-1')).toBe('abc_-1');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });
});
