/**
 * Both station clients bound every call: a station that stops answering resolves the call with STATION_UNREACHABLE
 * within the call timeout. Frames that do not match the contract are counted, not dropped silently.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import type { PreloadApi, WireResult } from '../../../shared/contract/preloadApi.ts';
import { COMMAND_NAMES, EVENT_NAMES } from '../../../shared/contract/commandNames.ts';
import { ipcStationClient } from '../../../renderer/station/ipcStationClient.ts';
import { wsStationClient, type WsStationClient } from '../../../renderer/station/wsStationClient.ts';
import { frameCheck } from '../../../renderer/station/parseFrames.ts';

const TIMEOUT_MS = 150;
const quietCheck = () => frameCheck(() => undefined);

/** A WebSocket station whose answers the test decides: `answer` gets each command frame. */
async function fakeStation(answer: (frame: { id: number; command: string }, socket: ServerSocket) => void) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => socket.on('message', (raw) => answer(JSON.parse(String(raw)) as { id: number; command: string }, socket)));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws`, close: () => new Promise<void>((r) => wss.close(() => r())), wss };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function client(url: string): WsStationClient {
  const c = wsStationClient(url, () => undefined, { callTimeoutMs: TIMEOUT_MS, check: quietCheck() });
  cleanups.unshift(() => c.close());
  return c;
}

describe('WebSocket station client', () => {
  it('answers a call the station answers', async () => {
    const station = await fakeStation((f, s) => s.send(JSON.stringify({ type: 'result', id: f.id, result: { ok: false, error: { code: 'NOT_FOUND', message: 'no' } } })));
    cleanups.push(station.close);
    const result = await client(station.url).call('intake.get', { intakeId: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no' } });
  });

  it('sends a call refused as RATE_LIMITED again after a pause, and answers with what the station then says', async () => {
    let refusals = 2;
    const seen: number[] = [];
    const station = await fakeStation((f, s) => {
      seen.push(f.id);
      const result = refusals-- > 0 ? { ok: false, error: { code: 'RATE_LIMITED', message: 'too many' } } : { ok: true, data: null };
      s.send(JSON.stringify({ type: 'result', id: f.id, result }));
    });
    cleanups.push(station.close);
    const c = wsStationClient(station.url, () => undefined, { callTimeoutMs: 5_000, check: quietCheck() });
    cleanups.unshift(() => c.close());
    expect(await c.call('intake.current', {})).toEqual({ ok: true, data: null });
    expect(seen).toHaveLength(3);
  });

  it('gives the RATE_LIMITED refusal to the screen when the station keeps refusing', async () => {
    const station = await fakeStation((f, s) => s.send(JSON.stringify({ type: 'result', id: f.id, result: { ok: false, error: { code: 'RATE_LIMITED', message: 'too many' } } })));
    cleanups.push(station.close);
    const c = wsStationClient(station.url, () => undefined, { callTimeoutMs: 5_000, check: quietCheck() });
    cleanups.unshift(() => c.close());
    const result = await c.call('intake.current', {});
    expect(result.ok ? null : result.error.code).toBe('RATE_LIMITED');
  });

  it('resolves with STATION_UNREACHABLE within its timeout when the station stops answering', async () => {
    let answering = true;
    const station = await fakeStation((f, s) => {
      if (answering) s.send(JSON.stringify({ type: 'result', id: f.id, result: { ok: true, data: null } }));
    });
    cleanups.push(station.close);
    const c = client(station.url);
    expect((await c.call('intake.current', {})).ok).toBe(true);
    answering = false;
    const started = performance.now();
    const result = await c.call('intake.current', {});
    const elapsed = performance.now() - started;
    expect(result.ok ? null : result.error.code).toBe('STATION_UNREACHABLE');
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('resolves with STATION_UNREACHABLE when no station ever opens the socket', async () => {
    const station = await fakeStation(() => undefined);
    const { url } = station;
    await station.close();
    const result = await client(url).call('intake.current', {});
    expect(result.ok ? null : result.error.code).toBe('STATION_UNREACHABLE');
  });

  it('counts frames that do not match the contract, and still serves the next good answer', async () => {
    const station = await fakeStation((f, s) => {
      s.send('not json');
      s.send(JSON.stringify({ type: 'nonsense' }));
      s.send(JSON.stringify({ type: 'result', id: 9999, result: { ok: true, data: null } }));
      s.send(JSON.stringify({ type: 'event', event: 'weight', data: { not: 'a reading' } }));
      s.send(JSON.stringify({ type: 'result', id: f.id, result: { ok: true, data: null } }));
    });
    cleanups.push(station.close);
    const c = client(station.url);
    const weights: unknown[] = [];
    c.subscribe('weight', (w) => weights.push(w));
    expect((await c.call('intake.current', {})).ok).toBe(true);
    expect(c.invalidFrames()).toBe(4);
    expect(weights).toEqual([]);
  });

  it('reports every invalid frame with its reason', async () => {
    const warned: string[] = [];
    const check = frameCheck((message) => warned.push(message));
    check.reject('event weight', []);
    expect(warned).toEqual(['ECMS station: ignored a frame that does not match the contract (event weight)']);
    expect(check.invalidFrames()).toBe(1);
  });
});

/** A preload bridge whose commands the test decides. */
function bridge(command: (name: string) => Promise<WireResult>): PreloadApi & { fire(event: string, data: unknown): void } {
  const listeners = new Map<string, Set<(d: unknown) => void>>();
  return {
    commands: Object.fromEntries(COMMAND_NAMES.map((n) => [n, () => command(n)])) as unknown as PreloadApi['commands'],
    events: Object.fromEntries(EVENT_NAMES.map((e) => [e, (l: (d: unknown) => void) => {
      const set = listeners.get(e) ?? new Set();
      listeners.set(e, set);
      set.add(l);
      return () => set.delete(l);
    }])) as unknown as PreloadApi['events'],
    fire: (event, data) => listeners.get(event)?.forEach((l) => l(data)),
  };
}

describe('IPC station client', () => {
  it('resolves with STATION_UNREACHABLE within its timeout when the main process never answers', async () => {
    vi.useFakeTimers();
    try {
      const c = ipcStationClient(bridge(() => new Promise<WireResult>(() => undefined)), { callTimeoutMs: 1000, check: quietCheck() });
      let settled: unknown = null;
      void c.call('intake.current', {}).then((r) => (settled = r));
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toMatchObject({ ok: false, error: { code: 'STATION_UNREACHABLE' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes an answer through and counts answers and events that do not match the contract', async () => {
    const api = bridge(async (name) => (name === 'intake.recent' ? { ok: true, data: 'not a list' } : { ok: true, data: null }));
    const c = ipcStationClient(api, { callTimeoutMs: 1000, check: quietCheck() });
    expect(await c.call('intake.current', {})).toEqual({ ok: true, data: null });
    const bad = await c.call('intake.recent', { limit: 3 });
    expect(bad.ok ? null : bad.error.code).toBe('INTERNAL');
    const weights: unknown[] = [];
    c.subscribe('weight', (w) => weights.push(w));
    api.fire('weight', { nonsense: true });
    expect(weights).toEqual([]);
    expect(c.invalidFrames()).toBe(2);
  });
});
