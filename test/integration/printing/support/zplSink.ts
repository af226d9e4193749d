/**
 * A stand-in for a network label printer on loopback: accepts connections, reads each to its end, keeps the bytes
 * of every complete connection, then closes its side (as a Zebra printer does after a job).
 */
import net from 'node:net';
import { once } from 'node:events';

export class ZplSink {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  readonly labels: Buffer[] = [];
  #waiters: Array<() => void> = [];

  private constructor(server: net.Server) {
    this.#server = server;
  }

  static async listen(port: number): Promise<ZplSink> {
    const server = net.createServer();
    const sink = new ZplSink(server);
    server.on('connection', (socket) => sink.#accept(socket));
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return sink;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  #accept(socket: net.Socket): void {
    this.#sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      this.labels.push(Buffer.concat(chunks));
      socket.end();
      for (const w of this.#waiters) w();
    });
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  /** Resolves once `count` complete labels have arrived. */
  async waitForLabels(count: number): Promise<void> {
    while (this.labels.length < count) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#waiters = [];
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on (bound and released by the OS; not 9100). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
