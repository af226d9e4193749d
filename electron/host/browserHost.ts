/**
 * Browser mode: the same station served to Chromium. HTTP for the built renderer, a WebSocket for commands and
 * events. Bound to 127.0.0.1 only; the socket needs the host's token and this host's Origin.
 *
 * Nothing a client sends can stop the station: a frame that breaks the WebSocket protocol (too large, invalid UTF-8,
 * reserved bits or opcodes, unmasked) closes that one socket with the protocol's close code and is logged; every
 * socket and server has an error handler. Each connection has a command rate limit (commandRateLimit.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrameSchema, type ServerFrame } from '../../shared/contract/wireFrames.ts';
import { EVENT_NAMES } from '../../shared/contract/commandNames.ts';
import { dispatchCommand, dispatchLogTo } from '../station/dispatchCommand.ts';
import type { Logger } from '../log/openLogger.ts';
import type { Station } from '../station/createStation.ts';
import { checkUpgrade, newLaunchToken } from './hostAuth.ts';
import { staticHandler } from './staticFiles.ts';
import { BENCH_RATE_LIMIT, commandRateLimiter, type RateLimitOptions } from './commandRateLimit.ts';
import { MAX_FRAME_BYTES } from './frameLimits.ts';

export interface BrowserHost {
  /** The page to open, with the token in the fragment (never sent to the server in HTTP requests). */
  readonly pageUrl: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  readonly station: Station;
  readonly rendererDir: string;
  /** The port to listen on (0 or absent: any free port). */
  readonly port?: number;
  /** If `port` is taken, listen on any free port instead of failing (a remembered port, not one asked for). */
  readonly portFallback?: boolean;
  /** The token pages must carry (absent: a new random one). */
  readonly token?: string;
  /** Where refusals and dropped frames are logged; absent: the station's logger. */
  readonly logger?: Logger;
  readonly rateLimit?: RateLimitOptions;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = (): Logger => options.logger ?? options.station.logger();
  const part = 'browser host';
  const dispatchLog = dispatchLogTo({ error: (fields, message) => log().error(fields, message) });
  const token = options.token ?? newLaunchToken();
  const serveStatic = staticHandler(options.rendererDir);
  const server: Server = createServer((req, res) => void serveStatic(req, res));
  const wanted = options.port ?? 0;
  try {
    await listen(server, wanted);
  } catch (error) {
    if (!(options.portFallback && wanted !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE')) throw error;
    log().warn({ part, port: wanted }, 'the remembered port is taken; listening on another one (open pages must be reopened)');
    await listen(server, 0);
  }
  server.on('error', (err) => log().error({ part, err }, 'the HTTP server reported an error'));
  server.on('clientError', (err, socket: Socket) => {
    log().warn({ part, err: { message: err.message, code: (err as NodeJS.ErrnoException).code } }, 'refused a malformed HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (err) => log().error({ part, err }, 'the WebSocket server reported an error'));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log().warn({ part, err: { message: err.message } }, 'a connection failed during its upgrade'));
    const verdict = checkUpgrade(req, origin, token);
    if (!verdict.allowed) {
      log().warn({ part, reason: verdict.reason, status: verdict.status }, 'refused a WebSocket');
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws));
  });

  function serveClient(ws: WebSocket): void {
    const limiter = commandRateLimiter(options.rateLimit ?? BENCH_RATE_LIMIT);
    let limited = false;
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = options.station.events.subscribeAll((event, data) => send({ type: 'event', event, data }), EVENT_NAMES);
    // ws has already sent the close frame with the protocol's code (1002, 1007, 1009 …) when it reports an error.
    ws.on('error', (err) => {
      const code = (err as { code?: unknown }).code;
      log().warn({ part, err: { message: err.message, code } }, 'closed a WebSocket that broke the protocol');
    });
    ws.on('close', unsubscribe);
    ws.on('message', (raw, isBinary) => {
      let json: unknown;
      try {
        json = isBinary ? undefined : JSON.parse(String(raw));
      } catch {
        json = undefined;
      }
      if (json === undefined) {
        log().warn({ part, binary: isBinary }, 'dropped a frame that is not JSON text');
        return;
      }
      const frame = ClientFrameSchema.safeParse(json);
      if (!frame.success) {
        const id = (json as { id?: unknown } | null)?.id;
        log().warn({ part, issues: frame.error.issues.map((i) => i.message) }, 'refused a malformed command frame');
        if (typeof id === 'number') send({ type: 'result', id, result: { ok: false, error: { code: 'INVALID_REQUEST', message: 'Malformed command frame.' } } });
        return;
      }
      const { id, command, request } = frame.data;
      if (!limiter.take()) {
        if (!limited) log().warn({ part, command }, 'refused commands over the rate limit');
        limited = true;
        send({ type: 'result', id, result: { ok: false, error: { code: 'RATE_LIMITED', message: 'The screen sent too many requests at once. Wait a few seconds, then try again.' } } });
        return;
      }
      limited = false;
      void dispatchCommand(options.station.handlers, command, request, dispatchLog)
        .then((result) => send({ type: 'result', id, result }));
    });
  }

  return {
    pageUrl: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
