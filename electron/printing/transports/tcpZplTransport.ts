/**
 * Raw ZPL to a network label printer over TCP (port 9100 by default), with a time limit on every phase:
 *   connect   no answer → PRINTER_OFFLINE (refused, unreachable, unknown host, or silent for connectMs)
 *   status    optional ~HS host-status query first (Zebra's advice: check before sending); paper out, paused or
 *             head open → PRINTER_NOT_READY and nothing is sent, so the label is not left half-printed in the
 *             printer's buffer; no answer within statusMs → PRINTER_TIMEOUT
 *   write     the label, then our end of the connection is closed; not taken within writeMs → PRINTER_TIMEOUT
 *   complete  the printer reads to the end and closes its side: confirmed. If it keeps the connection open for
 *             closeGraceMs after every byte was handed over, the label counts as delivered but unconfirmed.
 * A connection that breaks before that → PRINTER_IO_ERROR. Retrying after a break in the write phase can print
 * the label twice (the printer may have read it all): delivery is at least once, never silently zero times.
 */
import net from 'node:net';
import { printFail, printOk } from '../../../shared/printing/printErrors.ts';
import { hostStatusFrames, notReadyReason, parseHostStatus } from '../../../shared/printing/zebraHostStatus.ts';
import { systemErrorCode, type SendResult } from './delivery.ts';

export interface TcpTimeouts {
  readonly connectMs: number;
  readonly statusMs: number;
  readonly writeMs: number;
  readonly closeGraceMs: number;
}

export const DEFAULT_TCP_TIMEOUTS: TcpTimeouts = { connectMs: 5_000, statusMs: 3_000, writeMs: 20_000, closeGraceMs: 3_000 };

export interface TcpPrinter {
  readonly host: string;
  readonly port: number;
  readonly checkStatus: boolean;
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EADDRNOTAVAIL']);

type Phase = 'connecting' | 'status' | 'writing' | 'closing';

export function sendZplOverTcp(printer: TcpPrinter, data: Uint8Array, timeouts: TcpTimeouts = DEFAULT_TCP_TIMEOUTS): Promise<SendResult> {
  const where = `${printer.host}:${printer.port}`;
  const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  return new Promise<SendResult>((resolve) => {
    let phase: Phase = 'connecting';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let statusText = '';
    const socket = net.connect({ host: printer.host, port: printer.port });

    const finish = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const arm = (ms: number, onTimeout: () => void): void => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    const send = (): void => {
      phase = 'writing';
      arm(timeouts.writeMs, () => finish(printFail('PRINTER_TIMEOUT', `The printer at ${where} did not take the whole label within ${secs(timeouts.writeMs)}; it will be sent again.`)));
      socket.end(data);
    };

    arm(timeouts.connectMs, () => finish(printFail('PRINTER_OFFLINE', `No answer from the printer at ${where} within ${secs(timeouts.connectMs)}: is it switched on and on the network?`)));
    socket.setNoDelay(true);
    socket.once('connect', () => {
      if (!printer.checkStatus) return send();
      phase = 'status';
      arm(timeouts.statusMs, () => finish(printFail('PRINTER_TIMEOUT', `The printer at ${where} did not answer the status request (~HS) within ${secs(timeouts.statusMs)}. If it is not a Zebra printer, turn off the status check.`)));
      socket.write('~HS');
    });
    socket.on('data', (chunk: Buffer) => {
      if (phase !== 'status') return;
      statusText += chunk.toString('latin1');
      if (hostStatusFrames(statusText) === null) return;
      const status = parseHostStatus(statusText);
      if (status === null) return finish(printFail('PRINTER_IO_ERROR', `The printer at ${where} gave an answer to ~HS the station cannot read.`));
      const reason = notReadyReason(status);
      if (reason !== null) return finish(printFail('PRINTER_NOT_READY', `${reason} The label waits in the queue until the printer at ${where} is ready.`));
      send();
    });
    socket.on('finish', () => {
      phase = 'closing';
      arm(timeouts.closeGraceMs, () => finish(printOk({ spoolerJob: null, confirmed: false })));
    });
    socket.on('end', () => {
      if (phase === 'closing') finish(printOk({ spoolerJob: null, confirmed: true }));
      else finish(printFail('PRINTER_IO_ERROR', `The printer at ${where} closed the connection before the label was sent; it will be sent again.`));
    });
    socket.on('close', () => {
      finish(printFail('PRINTER_IO_ERROR', `The connection to the printer at ${where} closed unexpectedly.`));
    });
    socket.on('error', (error: Error) => {
      const code = systemErrorCode(error);
      if (phase === 'connecting' && OFFLINE_CODES.has(code)) {
        return finish(printFail('PRINTER_OFFLINE', `The printer at ${where} is not reachable (${code}): is it switched on and on the network?`));
      }
      finish(printFail('PRINTER_IO_ERROR', `The connection to the printer at ${where} broke (${code || error.message}); the label will be sent again.`));
    });
  });
}
