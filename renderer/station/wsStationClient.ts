/**
 * StationClient over the browser-mode WebSocket. Reconnects after the host restarts; calls made while the socket is
 * down wait for it, and every call is bounded: no answer within the call timeout (socket opening included) resolves
 * with STATION_UNREACHABLE, which the UI can retry — commands carry a commandId, so a retry never applies twice.
 * Frames that do not match the contract are reported and counted (parseFrames.ts).
 */
import { ServerFrameSchema } from '../../shared/contract/wireFrames.ts';
import type { EventName } from '../../shared/contract/commandNames.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { CheckedStationClient, ClientOptions } from './ipcStationClient.ts';
import { frameCheck, parseEvent, parseResponse, unreachable, withCallTimeout } from './parseFrames.ts';

export const WS_CALL_TIMEOUT_MS = 15_000;
const RECONNECT_MS = 1000;

export interface WsStationClient extends CheckedStationClient {
  /** Closes the socket and stops reconnecting. */
  close(): void;
}

export function wsStationClient(url: string, onConnection: (connected: boolean) => void, options: ClientOptions = {}): WsStationClient {
  const check = options.check ?? frameCheck();
  const timeoutMs = options.callTimeoutMs ?? WS_CALL_TIMEOUT_MS;
  let socket: WebSocket | null = null;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(data: unknown) => void>>();
  let waiters: Array<() => void> = [];
  let current: WebSocket | null = null;
  /** Calls that timed out after they were sent: a late answer is expected, not a contract mismatch. */
  const timedOut = new Set<number>();

  function onFrame(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      check.reject('not JSON', text.slice(0, 200));
      return;
    }
    const frame = ServerFrameSchema.safeParse(json);
    if (!frame.success) {
      check.reject('not a result or event frame', frame.error.issues);
      return;
    }
    if (frame.data.type === 'result') {
      const resolve = pending.get(frame.data.id);
      if (!resolve) {
        if (timedOut.delete(frame.data.id)) console.warn(`ECMS station: call ${frame.data.id} was answered after its timeout`);
        else check.reject(`answer to call ${frame.data.id}, which was never made`);
        return;
      }
      pending.delete(frame.data.id);
      resolve(frame.data.result);
    } else {
      for (const l of listeners.get(frame.data.event) ?? []) l(frame.data.data);
    }
  }

  function connect(): void {
    if (closed) return;
    const ws = new WebSocket(url);
    current = ws;
    ws.onopen = () => {
      socket = ws;
      onConnection(true);
      const ready = waiters;
      waiters = [];
      ready.forEach((w) => w());
    };
    ws.onmessage = (message) => onFrame(String(message.data));
    ws.onclose = () => {
      socket = null;
      onConnection(false);
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'STATION_UNREACHABLE', message: 'Lost the connection to the station before it answered; try again.' } });
      }
      if (!closed) setTimeout(connect, RECONNECT_MS);
    };
  }
  connect();

  function whenOpen(): Promise<WebSocket> {
    if (socket) return Promise.resolve(socket);
    return new Promise((resolve) => waiters.push(() => socket && resolve(socket)));
  }

  /** Calls that timed out while waiting for the socket: they are never sent. */
  const abandoned = new Set<number>();

  async function send(id: number, frame: string): Promise<Result<unknown>> {
    const ws = await whenOpen();
    if (abandoned.delete(id)) return unreachable();
    const reply = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
    ws.send(frame);
    return reply;
  }

  return {
    async call(name, request) {
      const id = nextId++;
      const result = await withCallTimeout(send(id, JSON.stringify({ id, command: name, request })), timeoutMs, () => {
        if (pending.delete(id)) timedOut.add(id);
        else abandoned.add(id);
      });
      return parseResponse(name, result, check);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = (data: unknown) => {
        const parsed = parseEvent(event, data, check);
        if (parsed.ok) listener(parsed.data);
      };
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    invalidFrames: check.invalidFrames,
    close() {
      closed = true;
      current?.close();
    },
  };
}

