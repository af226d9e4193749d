/**
 * The process's logger for parts built deep inside devices and services that are not handed one (listener sets).
 * Until an entry point (browser-mode runner, Electron main) sets the file logger, lines go to stderr as JSON, with
 * the same redaction.
 */
import pino, { type Logger } from 'pino';
import { pinoOptions } from '../../shared/log/logOptions.ts';

let current: Logger | null = null;

export function processLogger(): Logger {
  current ??= pino(pinoOptions('info', {}), pino.destination(2));
  return current;
}

export function setProcessLogger(logger: Logger): void {
  current = logger;
}
