/**
 * Browser mode: the same station served to Chromium. HTTP for the built renderer, a WebSocket for commands and
 * events. Bound to 127.0.0.1 only; the socket needs this launch's random token and this host's Origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrameSchema, type ServerFrame } from '../../shared/contract/wireFrames.ts';
import { EVENT_NAMES } from '../../shared/contract/commandNames.ts';
import { dispatchCommand, dispatchLogTo } from '../station/dispatchCommand.ts';
import type { Logger } from '../log/openLogger.ts';
import type { Station } from '../station/createStation.ts';
import { checkUpgrade, newLaunchToken } from './hostAuth.ts';
import { staticHandler } from './staticFiles.ts';

export interface BrowserHost {
  /** The page to open, with the token in the fragment (never sent to the server in HTTP requests). */
  readonly pageUrl: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  readonly station: Station;
  readonly rendererDir: string;
  readonly port?: number;
  /** Where refusals and dropped frames are logged; absent: the station's logger. */
  readonly logger?: Logger;
}

const MAX_FRAME_BYTES = 64 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = (): Logger => options.logger ?? options.station.logger();
  const dispatchLog = dispatchLogTo({ error: (fields, message) => log().error(fields, message) });
  const token = newLaunchToken();
  const serveStatic = staticHandler(options.rendererDir);
  const server: Server = createServer((req, res) => void serveStatic(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkUpgrade(req, origin, token);
    if (!verdict.allowed) {
      log().warn({ part: 'browser host', reason: verdict.reason, status: verdict.status }, 'refused a WebSocket');
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws));
  });

  function serveClient(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = options.station.events.subscribeAll((event, data) => send({ type: 'event', event, data }), EVENT_NAMES);
    ws.on('close', unsubscribe);
    ws.on('message', (raw) => {
      let json: unknown;
      try {
        json = JSON.parse(String(raw));
      } catch {
        log().warn({ part: 'browser host' }, 'dropped a frame that is not JSON');
        return;
      }
      const frame = ClientFrameSchema.safeParse(json);
      if (!frame.success) {
        const id = (json as { id?: unknown } | null)?.id;
        log().warn({ part: 'browser host', issues: frame.error.issues.map((i) => i.message) }, 'refused a malformed command frame');
        if (typeof id === 'number') send({ type: 'result', id, result: { ok: false, error: { code: 'INVALID_REQUEST', message: 'Malformed command frame.' } } });
        return;
      }
      const { id, command, request } = frame.data;
      void dispatchCommand(options.station.handlers, command, request, dispatchLog)
        .then((result) => send({ type: 'result', id, result }));
    });
  }

  return {
    pageUrl: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
