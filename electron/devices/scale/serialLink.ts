/**
 * An open serial port reduced to what a scale needs: write bytes, receive timestamped chunks, learn when it is
 * gone. Opening flushes the OS input buffer so bytes that arrived while nobody listened are never parsed as fresh.
 */
import { SerialPort } from 'serialport';
import type { LineSettings } from '../../../shared/scale/lineSettings.ts';

export type SerialOpenProblem = 'permissionDenied' | 'busy' | 'notFound' | 'openFailed';
export type SerialCloseReason = 'unplugged' | 'error' | 'closed';

export interface SerialLink {
  readonly path: string;
  /** Queues bytes for writing; a failed write shows up as a close with reason 'error' or 'unplugged'. */
  write(bytes: Uint8Array): void;
  onData(listener: (chunk: Uint8Array, at: number) => void): void;
  /** Called once, when the port closes for any reason. */
  onClose(listener: (reason: SerialCloseReason, message: string) => void): void;
  close(): Promise<void>;
}

export type SerialOpenResult =
  | { readonly ok: true; readonly link: SerialLink }
  | { readonly ok: false; readonly problem: SerialOpenProblem; readonly message: string };

export type SerialLinkOpener = (path: string, line: LineSettings) => Promise<SerialOpenResult>;

export function classifyOpenError(message: string): SerialOpenProblem {
  if (/EACCES|permission denied|access denied/i.test(message)) return 'permissionDenied';
  if (/EBUSY|resource busy|cannot lock port|in use/i.test(message)) return 'busy';
  if (/ENOENT|no such file|file not found|cannot find/i.test(message)) return 'notFound';
  return 'openFailed';
}

export const openSerialLink: SerialLinkOpener = async (path, line) => {
  let port: SerialPort;
  try {
    port = new SerialPort({ path, baudRate: line.baudRate, dataBits: line.dataBits, parity: line.parity, stopBits: line.stopBits, autoOpen: false });
  } catch (error) {
    return { ok: false, problem: 'openFailed', message: error instanceof Error ? error.message : String(error) };
  }
  const opened = await new Promise<Error | null>((resolve) => port.open((error) => resolve(error)));
  if (opened) return { ok: false, problem: classifyOpenError(opened.message), message: opened.message };
  await new Promise<void>((resolve) => port.flush(() => resolve()));

  const dataListeners: Array<(chunk: Uint8Array, at: number) => void> = [];
  const closeListeners: Array<(reason: SerialCloseReason, message: string) => void> = [];
  let closedReason: { reason: SerialCloseReason; message: string } | null = null;
  let lastError: Error | null = null;

  const finish = (reason: SerialCloseReason, message: string) => {
    if (closedReason) return;
    closedReason = { reason, message };
    for (const listener of closeListeners) listener(reason, message);
  };

  port.on('data', (chunk: Buffer) => {
    const at = Date.now();
    for (const listener of dataListeners) listener(chunk, at);
  });
  port.on('error', (error: Error) => {
    lastError = error;
    if (port.isOpen) port.close(() => finish('error', error.message));
    else finish('error', error.message);
  });
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    if (error?.disconnected) finish('unplugged', error.message);
    else if (lastError) finish('error', lastError.message);
    else finish('closed', 'closed');
  });

  const link: SerialLink = {
    path,
    write(bytes) {
      if (!closedReason && port.isOpen) port.write(Buffer.from(bytes));
    },
    onData(listener) {
      dataListeners.push(listener);
    },
    onClose(listener) {
      if (closedReason) listener(closedReason.reason, closedReason.message);
      else closeListeners.push(listener);
    },
    close() {
      return new Promise<void>((resolve) => {
        if (!port.isOpen) {
          finish('closed', 'closed');
          resolve();
          return;
        }
        port.close(() => {
          finish('closed', 'closed');
          resolve();
        });
      });
    },
  };
  return { ok: true, link };
};
