/**
 * A WebSocket client made by hand over node:net, for sending frames no real client would: reserved bits, unmasked,
 * bad opcodes, invalid UTF-8, oversized. Reads the server's close frame (code) and the socket's end.
 */
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface FrameSpec {
  readonly opcode: number;
  readonly payload: Buffer;
  readonly fin?: boolean;
  /** RSV1..RSV3 as bits 0x4, 0x2, 0x1. */
  readonly rsv?: number;
  readonly masked?: boolean;
}

export function encodeFrame(spec: FrameSpec): Buffer {
  const { opcode, payload } = spec;
  const masked = spec.masked ?? true;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (opcode & 0x0f);
  const len = payload.length;
  const header: number[] = [first];
  const maskBit = masked ? 0x80 : 0;
  if (len < 126) header.push(maskBit | len);
  else if (len < 65_536) header.push(maskBit | 126, len >> 8, len & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(len));
    header.push(maskBit | 127, ...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(header), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(header), mask, body]);
}

export interface RawConnection {
  readonly socket: Socket;
  /** The close code from the server's first close frame, and whether the socket then ended. */
  closed(): Promise<{ code: number | null }>;
  send(bytes: Buffer): void;
}

/** Opens `/ws?token=` with the right Origin and completes the upgrade. */
export function openRaw(origin: string, token: string): Promise<RawConnection> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let code: number | null = null;
    const ended = new Promise<{ code: number | null }>((done) => socket.once('close', () => done({ code })));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        upgraded = true;
        resolve({ socket, closed: () => ended, send: (bytes) => socket.write(bytes) });
      }
      // Server frames: find the first close frame (opcode 8); skip event frames the station pushes.
      while (buffer.length >= 2 && code === null) {
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) return;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) return;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + len) return;
        if (opcode === 8) code = len >= 2 ? buffer.readUInt16BE(offset) : 1005;
        buffer = buffer.subarray(offset + len);
      }
    });
    socket.once('connect', () => {
      const key = randomBytes(16).toString('base64');
      socket.write(
        `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${origin}\r\n` +
          `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  });
}
