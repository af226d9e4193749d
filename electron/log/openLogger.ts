/**
 * The station's and the Electron main process's logger: pino writing JSON lines to rotated files in the data
 * directory (pino-roll, by size and by day; files older than the retention period deleted), with personal data
 * masked by shared/log/redaction.ts, and the pretty form on the terminal in development.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import pretty from 'pino-pretty';
import { expiredLogFiles, pinoOptions, rollOptions, type LogSettings } from '../../shared/log/logOptions.ts';

export type { Logger } from 'pino';

export interface OpenLogger {
  readonly logger: Logger;
  readonly dir: string;
  /** The file being written now (it changes when the file rolls over). */
  file(): string;
  /** Resolves once every line so far is in the file. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the log files older than the retention period; returns their names. */
export function pruneLogFiles(settings: LogSettings, now: number, current: string | null): string[] {
  const files = readdirSync(settings.dir).flatMap((name) => {
    try {
      return [{ name, mtimeMs: statSync(path.join(settings.dir, name)).mtimeMs }];
    } catch {
      return []; // deleted meanwhile
    }
  });
  const expired = expiredLogFiles(files, settings, now, current === null ? null : path.basename(current));
  for (const name of expired) unlinkSync(path.join(settings.dir, name));
  return expired;
}

export async function openLogger(settings: LogSettings, base: Readonly<Record<string, string>>): Promise<OpenLogger> {
  const roll = await pinoRoll(rollOptions(settings, path.join));
  // The file opens asynchronously; its name is needed from the start (for messages that point to it).
  if (roll.file === null) await new Promise<void>((resolve) => roll.once('ready', resolve));
  const streams: pino.StreamEntry[] = [{ stream: roll, level: settings.level }];
  if (settings.pretty) streams.push({ stream: pretty({ colorize: true, destination: 2, sync: true }), level: settings.level });
  const logger = pino(pinoOptions(settings.level, base), pino.multistream(streams));
  const prune = () => {
    try {
      const removed = pruneLogFiles(settings, Date.now(), roll.file);
      if (removed.length > 0) logger.info({ removed }, 'old log files deleted');
    } catch (error) {
      logger.warn({ err: error }, 'could not delete old log files');
    }
  };
  prune();
  const pruneTimer = setInterval(prune, DAY_MS);
  pruneTimer.unref();
  const flush = () => new Promise<void>((resolve, reject) => roll.flush((error) => (error ? reject(error) : resolve())));
  return {
    logger,
    dir: settings.dir,
    file: () => roll.file ?? rollOptions(settings, path.join).file,
    flush,
    async close() {
      clearInterval(pruneTimer);
      await flush();
      await new Promise<void>((resolve) => {
        roll.once('close', resolve);
        roll.end();
      });
    },
  };
}

/** A logger that writes nowhere, for callers that are given none (tests of other parts). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
