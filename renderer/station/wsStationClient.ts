/**
 * StationClient over the browser-mode WebSocket. Reconnects after the host restarts; calls made while the socket is
 * down wait for it (bounded), and a call whose reply is lost returns a typed error the UI can retry — commands carry
 * a commandId, so a retry never applies twice.
 */
import { ServerFrameSchema } from '../../shared/contract/wireFrames.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { EventName } from '../../shared/contract/commandNames.ts';
import type { Result } from '../../shared/contract/result.ts';
import { parseEvent, parseResponse } from './parseFrames.ts';

const CALL_TIMEOUT_MS = 15_000;

export function wsStationClient(url: string, onConnection: (connected: boolean) => void): StationClient {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(data: unknown) => void>>();
  let waiters: Array<() => void> = [];

  function connect(): void {
    const ws = new WebSocket(url);
    ws.onopen = () => {
      socket = ws;
      onConnection(true);
      const ready = waiters;
      waiters = [];
      ready.forEach((w) => w());
    };
    ws.onmessage = (message) => {
      let json: unknown;
      try {
        json = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const frame = ServerFrameSchema.safeParse(json);
      if (!frame.success) return;
      if (frame.data.type === 'result') {
        pending.get(frame.data.id)?.(frame.data.result);
        pending.delete(frame.data.id);
      } else {
        for (const l of listeners.get(frame.data.event) ?? []) l(frame.data.data);
      }
    };
    ws.onclose = () => {
      socket = null;
      onConnection(false);
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to the station before it answered; try again.' } });
        pending.delete(id);
      }
      setTimeout(connect, 1000);
    };
  }
  connect();

  function whenOpen(): Promise<boolean> {
    if (socket) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), CALL_TIMEOUT_MS);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  return {
    async call(name, request) {
      if (!(await whenOpen()) || !socket) {
        return { ok: false, error: { code: 'INTERNAL', message: 'The station is not reachable.' } };
      }
      const id = nextId++;
      const reply = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ id, command: name, request }));
      return parseResponse(name, await reply);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = (data: unknown) => {
        const parsed = parseEvent(event, data);
        if (parsed.ok) listener(parsed.data);
      };
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
