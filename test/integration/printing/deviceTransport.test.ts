/**
 * The device-file transport (USB printer class /dev/usb/lp0, serial ports) against a FIFO standing in for the
 * device: the label arrives whole; a missing device is offline, never a file quietly created.
 */
import { execFileSync } from 'node:child_process';
import { constants, existsSync, openSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendToDevice } from '../../../electron/printing/transports/deviceTransport.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const LABEL = new TextEncoder().encode(`^XA${'^FO10,10^A0N,30,30^FDx^FS'.repeat(3000)}^XZ`);

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('print-device');
});
afterEach(() => temp.cleanup());

describe('ZPL to a device file', () => {
  it('writes the whole label to the device', async () => {
    const fifo = path.join(temp.dir, 'lp0');
    execFileSync('mkfifo', [fifo]);
    // The "printer" holds the FIFO open for reading before the label is sent (a non-blocking open returns at once).
    const reader = new net.Socket({ fd: openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK), readable: true, writable: false });
    const chunks: Buffer[] = [];
    reader.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => reader.on('end', resolve));
    // Larger than a pipe's 64 KiB buffer: the writer meets EAGAIN and waits for the reader.
    expect(LABEL.length).toBeGreaterThan(64 * 1024);
    const result = await sendToDevice(fifo, LABEL);
    expect(result).toEqual({ ok: true, value: { spoolerJob: null, confirmed: true } });
    await ended;
    expect(Buffer.concat(chunks).equals(Buffer.from(LABEL))).toBe(true);
  });

  it('is offline when the device is missing, and creates nothing', async () => {
    const missing = path.join(temp.dir, 'usb', 'lp9');
    expect(await sendToDevice(missing, LABEL)).toMatchObject({ ok: false, error: { code: 'PRINTER_OFFLINE' } });
    expect(existsSync(missing)).toBe(false);
  });

  it('is offline when no printer is on the other end (a FIFO without reader)', async () => {
    const fifo = path.join(temp.dir, 'lp1');
    execFileSync('mkfifo', [fifo]);
    expect(await sendToDevice(fifo, LABEL)).toMatchObject({ ok: false, error: { code: 'PRINTER_OFFLINE' } });
  });

  it('refuses a regular file', async () => {
    const file = path.join(temp.dir, 'label.zpl');
    writeFileSync(file, '');
    expect(await sendToDevice(file, LABEL)).toMatchObject({ ok: false, error: { code: 'PRINTER_REJECTED' } });
  });
});
