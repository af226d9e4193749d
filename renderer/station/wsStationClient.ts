/**
 * StationClient over the browser-mode WebSocket. Reconnects by itself with a growing pause (reconnectBackoff.ts)
 * after the host stops; the host keeps its port and token across restarts, so the same address works again.
 * A call made while the socket is opening waits for it, bounded by the call timeout; a call made once the station is
 * known to be down (the socket closed, and no new one opened yet) is refused at once with STATION_UNREACHABLE, never
 * queued to run later. Commands carry a commandId, so a retry never applies twice.
 * Frames that do not match the contract are reported and counted (parseFrames.ts).
 */
import { ServerFrameSchema } from '../../shared/contract/wireFrames.ts';
import type { EventName } from '../../shared/contract/commandNames.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { CheckedStationClient, ClientOptions } from './ipcStationClient.ts';
import { frameCheck, parseEvent, parseResponse, unreachable, withCallTimeout } from './parseFrames.ts';
import { reconnectDelayMs } from './reconnectBackoff.ts';

export const WS_CALL_TIMEOUT_MS = 15_000;

/** A call the host refused as too many at once is sent again this many times in all, pausing longer each time. */
const RATE_LIMITED_TRIES = 4;
const RATE_LIMITED_PAUSE_MS = 250;

/** What a call made while the station is down gets back. */
export function stationDown<T>(): Result<T> {
  return {
    ok: false,
    error: { code: 'STATION_UNREACHABLE', message: 'The station program is not running, so nothing was done. Do it again once the screen says the station is back.' },
  };
}

export interface WsStationClient extends CheckedStationClient {
  /** Closes the socket and stops reconnecting. */
  close(): void;
}

export function wsStationClient(url: string, onConnection: (connected: boolean) => void, options: ClientOptions = {}): WsStationClient {
  const check = options.check ?? frameCheck();
  const timeoutMs = options.callTimeoutMs ?? WS_CALL_TIMEOUT_MS;
  let socket: WebSocket | null = null;
  let closed = false;
  /** The last socket closed and no new one has opened: calls are refused at once. */
  let down = false;
  /** Failed attempts since the socket was last open (sets the pause before the next one). */
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
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
      down = false;
      failures = 0;
      onConnection(true);
      const ready = waiters;
      waiters = [];
      ready.forEach((w) => w());
    };
    ws.onmessage = (message) => onFrame(String(message.data));
    ws.onclose = () => {
      const wasOpen = socket === ws;
      socket = null;
      down = true;
      if (wasOpen || failures === 0) onConnection(false);
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'STATION_UNREACHABLE', message: 'Lost the connection to the station before it answered. Do it again once the screen says the station is back.' } });
      }
      // Calls that were waiting for a socket: the station is down, so they are refused now, not run later.
      const waiting = waiters;
      waiters = [];
      waiting.forEach((w) => w());
      if (!closed) retryTimer = setTimeout(connect, reconnectDelayMs(failures++));
    };
  }
  connect();

  /** The open socket, or null once the station is down. */
  function whenOpen(): Promise<WebSocket | null> {
    if (socket) return Promise.resolve(socket);
    if (down) return Promise.resolve(null);
    return new Promise((resolve) => waiters.push(() => resolve(socket)));
  }

  /** Calls that timed out while waiting for the socket: they are never sent. */
  const abandoned = new Set<number>();

  async function send(id: number, frame: string): Promise<Result<unknown>> {
    const ws = await whenOpen();
    if (abandoned.delete(id)) return unreachable();
    if (ws === null) return stationDown();
    const reply = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
    ws.send(frame);
    return reply;
  }

  return {
    async call(name, request) {
      for (let attempt = 1; ; attempt++) {
        const id = nextId++;
        const result = await withCallTimeout(send(id, JSON.stringify({ id, command: name, request })), timeoutMs, () => {
          if (pending.delete(id)) timedOut.add(id);
          else abandoned.add(id);
        });
        // The host refused this connection's burst (RATE_LIMITED): wait a moment and send the same request again
        // (state-changing commands carry their commandId, so a repeat is applied once). After a few tries the
        // refusal reaches the screen in plain words.
        if (!result.ok && result.error.code === 'RATE_LIMITED' && attempt < RATE_LIMITED_TRIES) {
          await new Promise((resolve) => setTimeout(resolve, RATE_LIMITED_PAUSE_MS * attempt));
          continue;
        }
        return parseResponse(name, result, check);
      }
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
      clearTimeout(retryTimer);
      current?.close();
    },
  };
}

