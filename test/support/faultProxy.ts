/**
 * An HTTP proxy on 127.0.0.1 that sits between a station and HQ in tests and injects faults, request by request:
 *
 *   forward        pass the request on and the answer back
 *   status         answer by itself (e.g. 500, or 503 with Retry-After) without reaching HQ
 *   hang           never answer (the client's timeout fires); the socket is destroyed when the client gives up
 *   dropResponse   pass the request on, wait for HQ's whole answer (HQ has committed), then cut the connection
 *   duplicate      pass the request on `copies` extra times at once, answer with one of the answers
 *   delayForward   answer 502 now and pass the request on LATER (flushHeld), after newer requests: reordering
 *   reset          cut the connection without answering and without reaching HQ
 * and `setDown(true)` stops listening altogether (connection refused), like HQ or the WAN being down.
 *
 * The rule is a function of the request number and path, so a schedule of faults is deterministic.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultAction =
  | { readonly kind: 'forward' }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'dropResponse' }
  | { readonly kind: 'duplicate'; readonly copies: number }
  | { readonly kind: 'delayForward' }
  | { readonly kind: 'reset' };

export interface FaultRequest {
  readonly n: number;
  readonly method: string;
  readonly path: string;
}

export type FaultRule = (req: FaultRequest) => FaultAction;

export interface FaultProxy {
  readonly url: string;
  setRule(rule: FaultRule): void;
  /** Down: the port refuses connections. Up again on the same port. */
  setDown(down: boolean): Promise<void>;
  /** Sends every held (delayForward) request to HQ now, newest first; resolves when HQ answered them all. */
  flushHeld(): Promise<number>;
  readonly stats: Record<string, number>;
  close(): Promise<void>;
}

interface Held {
  method: string;
  path: string;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(targetUrl: string, initialRule: FaultRule = () => ({ kind: 'forward' })): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let rule = initialRule;
  let n = 0;
  const held: Held[] = [];
  const sockets = new Set<Socket>();
  const stats: Record<string, number> = {};
  const count = (k: string): void => {
    stats[k] = (stats[k] ?? 0) + 1;
  };

  function forward(h: Held): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: target.hostname, port: target.port, method: h.method, path: h.path, headers: { ...h.headers, host: target.host, connection: 'close' }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(h.body);
    });
  }

  function reply(res: http.ServerResponse, a: Answer): void {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(a.headers)) {
      if (v !== undefined && !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) headers[k] = v;
    }
    headers['content-length'] = String(a.body.length);
    res.writeHead(a.status, headers);
    res.end(a.body);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      n += 1;
      const h: Held = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers }, body };
      delete h.headers['content-length'];
      h.headers['content-length'] = String(body.length);
      const action = rule({ n, method: h.method, path: h.path });
      count(action.kind);
      try {
        switch (action.kind) {
          case 'forward':
            reply(res, await forward(h));
            return;
          case 'status':
            reply(res, { status: action.status, headers: { 'content-type': 'text/plain', ...(action.headers ?? {}) }, body: Buffer.from(action.body ?? 'injected fault') });
            return;
          case 'hang':
            return; // the client times out; its abort closes the socket
          case 'dropResponse':
            await forward(h);
            req.socket.destroy();
            return;
          case 'duplicate': {
            const answers = await Promise.all([h, ...Array.from({ length: action.copies }, () => h)].map((x) => forward(x)));
            const a = answers[answers.length - 1];
            if (a) reply(res, a);
            return;
          }
          case 'delayForward':
            held.push(h);
            reply(res, { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from('bad gateway (request held for later)') });
            return;
          case 'reset':
            req.socket.destroy();
            return;
        }
      } catch {
        res.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let down = false;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setRule(r) {
      rule = r;
    },
    async setDown(d) {
      if (d === down) return;
      down = d;
      if (d) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const s of sockets) s.destroy();
        await closed;
      } else {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
      }
    },
    async flushHeld() {
      const batch = held.splice(0, held.length).reverse();
      for (const h of batch) {
        try {
          await forward(h);
        } catch {
          // HQ refused the stale request at the connection level; that is fine for a replay.
        }
      }
      return batch.length;
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (!down) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
