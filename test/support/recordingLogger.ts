/**
 * A real pino logger (same redaction as the station's) whose lines are kept in memory, parsed, for assertions.
 */
import pino, { type Logger } from 'pino';
import { pinoOptions } from '../../shared/log/logOptions.ts';

export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export function recordingLogger(base: Record<string, string> = {}): { logger: Logger; lines: LogLine[]; text(): string } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const logger = pino(pinoOptions('trace', base), {
    write(chunk: string) {
      raw.push(chunk);
      lines.push(JSON.parse(chunk) as LogLine);
    },
  });
  return { logger, lines, text: () => raw.join('') };
}

export const LEVEL = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20 } as const;
