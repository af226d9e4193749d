/**
 * Raw ZPL written to a printer's device file: a USB printer-class device (/dev/usb/lp0) or a serial port
 * (/dev/ttyUSB0, with its speed set beforehand, e.g. `stty -F /dev/ttyUSB0 9600 raw`).
 *
 * Opened write-only, non-blocking and WITHOUT O_CREAT: an unplugged printer's missing device file is
 * PRINTER_OFFLINE, never a regular file quietly created in /dev. The path must be a character device or a FIFO.
 * A busy device (EAGAIN) is waited for, up to writeMs.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { printFail, printOk } from '../../../shared/printing/printErrors.ts';
import { systemErrorCode, type SendResult } from './delivery.ts';

export interface DeviceTimeouts {
  readonly writeMs: number;
}

export const DEFAULT_DEVICE_TIMEOUTS: DeviceTimeouts = { writeMs: 20_000 };

const OFFLINE = new Set(['ENOENT', 'ENXIO', 'ENODEV', 'EIO', 'ENOTCONN']);

function failure(path: string, error: unknown): SendResult {
  const code = systemErrorCode(error);
  if (OFFLINE.has(code)) return printFail('PRINTER_OFFLINE', `The printer device ${path} is not there (${code}): is the printer plugged in and switched on?`);
  if (code === 'EACCES' || code === 'EPERM') {
    return printFail('PRINTER_REJECTED', `The station may not write to ${path} (${code}): add its user to the device's group (usually "lp" or "dialout").`);
  }
  return printFail('PRINTER_IO_ERROR', `Writing to ${path} failed (${code || (error instanceof Error ? error.message : String(error))}).`);
}

async function writeAll(handle: FileHandle, data: Uint8Array, deadline: number): Promise<'done' | 'timeout'> {
  let offset = 0;
  while (offset < data.length) {
    try {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    } catch (error) {
      if (systemErrorCode(error) !== 'EAGAIN') throw error;
      if (Date.now() >= deadline) return 'timeout';
      await sleep(20);
    }
  }
  return 'done';
}

export async function sendToDevice(path: string, data: Uint8Array, timeouts: DeviceTimeouts = DEFAULT_DEVICE_TIMEOUTS): Promise<SendResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return failure(path, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isCharacterDevice() && !stat.isFIFO()) {
      return printFail('PRINTER_REJECTED', `${path} is not a printer device (it is a regular file or folder): check the device path.`);
    }
    const outcome = await writeAll(handle, data, Date.now() + timeouts.writeMs);
    if (outcome === 'timeout') return printFail('PRINTER_TIMEOUT', `The printer on ${path} did not take the label within ${timeouts.writeMs / 1000} s.`);
    return printOk({ spoolerJob: null, confirmed: true });
  } catch (error) {
    return failure(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
