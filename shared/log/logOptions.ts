/**
 * The logger settings every process shares: one JSON object per line, the redaction of personal data, and the
 * rotation of the files (by size and by day, kept for a number of days). Pure data: the Node-side factories
 * (electron/log/openLogger.ts, hq/server/hqLogger.ts) hand them to pino and pino-roll.
 */
import { LOG_REDACT_PATHS, censorLogValue } from './redaction.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogSettings {
  /** Where the JSON-lines files go. */
  readonly dir: string;
  /** The file name before its date and number: `station` → station.2026-12-04.1.log. */
  readonly fileStem: string;
  readonly level: LogLevel;
  /** Files older than this many days are deleted (at start and once a day). */
  readonly retentionDays: number;
  /** A file is rolled over once it reaches this size, and at midnight. */
  readonly maxFileMb: number;
  /** Also write the human-readable form to the terminal. */
  readonly pretty: boolean;
}

export const DEFAULT_LOG_RETENTION_DAYS = 14;
export const DEFAULT_LOG_MAX_FILE_MB = 10;

/** The options for pino itself (level, redaction, the fields every line carries). */
export function pinoOptions(level: LogLevel, base: Readonly<Record<string, string>>) {
  return {
    level,
    base: { ...base },
    redact: { paths: [...LOG_REDACT_PATHS], censor: censorLogValue },
  };
}

/**
 * The options for pino-roll: daily files, rolled earlier when they reach the size limit. Written synchronously, so a
 * line is in the file once the call returns — the last lines before a crash are never lost.
 */
export function rollOptions(settings: LogSettings, joinPath: (dir: string, file: string) => string) {
  return {
    file: joinPath(settings.dir, settings.fileStem),
    extension: '.log',
    frequency: 'daily' as const,
    dateFormat: 'yyyy-MM-dd',
    size: `${settings.maxFileMb}m`,
    mkdir: true,
    sync: true,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The log files (by name and modification time) older than the retention period; never the file in use. */
export function expiredLogFiles(
  files: ReadonlyArray<{ readonly name: string; readonly mtimeMs: number }>,
  settings: Pick<LogSettings, 'fileStem' | 'retentionDays'>,
  now: number,
  current: string | null,
): string[] {
  const cutoff = now - settings.retentionDays * DAY_MS;
  return files
    .filter((f) => f.name.startsWith(`${settings.fileStem}.`) && f.name.endsWith('.log') && f.name !== current && f.mtimeMs < cutoff)
    .map((f) => f.name);
}
