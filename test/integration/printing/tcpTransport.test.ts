/**
 * The TCP 9100 transport against loopback stand-ins: a Zebra that answers ~HS, one that is out of paper, one that
 * never answers, one that never closes, one that hangs up early.
 */
import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { sendZplOverTcp, type TcpTimeouts } from '../../../electron/printing/transports/tcpZplTransport.ts';
import { freePort } from './support/zplSink.ts';

const FAST: TcpTimeouts = { connectMs: 2_000, statusMs: 400, writeMs: 5_000, closeGraceMs: 300 };
const LABEL = new TextEncoder().encode('^XA^FO10,10^A0N,30,30^FDHello^FS^XZ\n');
const frame = (l: string) => `\u0002${l}\u0003\r\n`;
const READY = frame('030,0,0,1218,000,0,0,0,000,0,0,0') + frame('000,0,0,0,0,2,4,0,00000000,1,000') + frame('1234,0');
const PAPER_OUT = frame('030,1,0,1218,000,0,0,0,000,0,0,0') + frame('000,0,0,0,0,2,4,0,00000000,1,000') + frame('1234,0');

interface Stub {
  readonly port: number;
  readonly received: string[];
  close(): Promise<void>;
}

/** Waits for the stub's close handler (it runs on the server side after the client is done). */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

const open: Stub[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A printer stand-in; `behave` decides what it does with each connection. */
async function stub(behave: (socket: net.Socket, received: string[]) => void): Promise<Stub> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  // allowHalfOpen: the stand-in decides when to close its side, as a real printer does.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    behave(socket, received);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const s: Stub = {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => {
      for (const k of sockets) k.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(s);
  return s;
}

/** A Zebra: answers ~HS with `status`, records everything else it gets, closes when the host does. */
const zebra = (status: string) => (socket: net.Socket, received: string[]) => {
  let data = '';
  socket.on('data', (c: Buffer) => {
    data += c.toString('latin1');
    if (data.startsWith('~HS')) {
      data = data.slice(3);
      socket.write(status);
    }
  });
  socket.on('end', () => socket.end());
  socket.on('close', () => received.push(data));
};

describe('ZPL over TCP', () => {
  it('checks the host status first, then sends the label; confirmed when the printer closes', async () => {
    const printer = await stub(zebra(READY));
    const result = await sendZplOverTcp({ host: '127.0.0.1', port: printer.port, checkStatus: true }, LABEL, FAST);
    expect(result).toEqual({ ok: true, value: { spoolerJob: null, confirmed: true } });
    await waitFor(() => printer.received.length === 1);
    expect(printer.received).toEqual([new TextDecoder().decode(LABEL)]);
  });

  it('does not send to a printer out of paper', async () => {
    const printer = await stub(zebra(PAPER_OUT));
    const result = await sendZplOverTcp({ host: '127.0.0.1', port: printer.port, checkStatus: true }, LABEL, FAST);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINTER_NOT_READY', message: expect.stringContaining('out of labels') } });
    await waitFor(() => printer.received.length === 1);
    expect(printer.received).toEqual(['']); // only the status request came, no label
  });

  it('times out a printer that never answers ~HS', async () => {
    const printer = await stub(() => undefined);
    const result = await sendZplOverTcp({ host: '127.0.0.1', port: printer.port, checkStatus: true }, LABEL, FAST);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINTER_TIMEOUT', message: expect.stringContaining('~HS') } });
  });

  it('is offline when nothing listens', async () => {
    const port = await freePort();
    const result = await sendZplOverTcp({ host: '127.0.0.1', port, checkStatus: false }, LABEL, FAST);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINTER_OFFLINE' } });
  });

  it('counts a printer that keeps the connection open as delivered, unconfirmed', async () => {
    const printer = await stub((socket, received) => socket.on('data', (c: Buffer) => received.push(c.toString('latin1'))));
    const result = await sendZplOverTcp({ host: '127.0.0.1', port: printer.port, checkStatus: false }, LABEL, FAST);
    expect(result).toEqual({ ok: true, value: { spoolerJob: null, confirmed: false } });
    expect(printer.received.join('')).toBe(new TextDecoder().decode(LABEL));
  });

  it('reports a connection reset by the printer as an I/O error (the job is retried)', async () => {
    const printer = await stub((socket) => socket.resetAndDestroy());
    const big = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    const result = await sendZplOverTcp({ host: '127.0.0.1', port: printer.port, checkStatus: false }, big, FAST);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINTER_IO_ERROR' } });
  });
});
