/**
 * HQ's logger: the same JSON lines, rotation and redaction as the station (shared/log/), in HQ's log directory.
 * hq/ may not import electron/, so this is the thin HQ twin of electron/log/openLogger.ts over the shared settings.
 *   --log-dir DIR / HQ_LOG_DIR                 default: beside the PGlite data dir, `<data dir>-logs`
 *                                              (with PostgreSQL: .data/hq-logs)
 *   --log-retention-days N / HQ_LOG_RETENTION_DAYS   default 14
 *   --log-level L (default warn), HQ_LOG_PRETTY=1|0 (default: when stderr is a terminal)
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import pretty from 'pino-pretty';
import { z } from 'zod';
import { DEFAULT_LOG_MAX_FILE_MB, DEFAULT_LOG_RETENTION_DAYS, LOG_LEVELS, expiredLogFiles, pinoOptions, rollOptions, type LogSettings } from '../../shared/log/logOptions.ts';
import { installFatalErrorPolicy } from '../../shared/log/fatalErrorPolicy.ts';
import type { HqDbTarget } from '../db/openHqDb.ts';
import { CliUsageError } from '../cli/cliError.ts';

export interface HqLog {
  readonly logger: Logger;
  file(): string;
  close(): Promise<void>;
}

const SettingsSchema = z.object({
  dir: z.string().min(1),
  level: z.enum(LOG_LEVELS),
  retentionDays: z.coerce.number().int().min(1).max(3650),
  pretty: z.enum(['0', '1']).optional(),
});

type Flags = Record<string, string | boolean | string[] | undefined>;

export function hqLogSettings(flags: Flags, env: NodeJS.ProcessEnv, db: HqDbTarget, terminalIsTty: boolean): LogSettings {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' && flags[k] !== '' ? (flags[k] as string) : undefined);
  const fromEnv = (k: string): string | undefined => (env[k]?.trim() ? env[k] : undefined);
  const defaultDir = db.kind === 'pglite' && db.dataDir ? `${db.dataDir}-logs` : path.resolve('.data', 'hq-logs');
  const parsed = SettingsSchema.safeParse({
    dir: str('log-dir') ?? fromEnv('HQ_LOG_DIR') ?? defaultDir,
    level: str('log-level') ?? 'warn',
    retentionDays: str('log-retention-days') ?? fromEnv('HQ_LOG_RETENTION_DAYS') ?? DEFAULT_LOG_RETENTION_DAYS,
    pretty: fromEnv('HQ_LOG_PRETTY'),
  });
  if (!parsed.success) throw new CliUsageError(z.prettifyError(parsed.error));
  const s = parsed.data;
  return {
    dir: path.resolve(s.dir), fileStem: 'hq', level: s.level, retentionDays: s.retentionDays, maxFileMb: DEFAULT_LOG_MAX_FILE_MB,
    pretty: s.pretty === undefined ? terminalIsTty : s.pretty === '1',
  };
}

export async function openHqLog(settings: LogSettings): Promise<HqLog> {
  const roll = await pinoRoll(rollOptions(settings, path.join));
  if (roll.file === null) await new Promise<void>((resolve) => roll.once('ready', resolve));
  const streams: pino.StreamEntry[] = [{ stream: roll, level: settings.level }];
  if (settings.pretty) streams.push({ stream: pretty({ colorize: true, destination: 2, sync: true }), level: settings.level });
  const logger = pino(pinoOptions(settings.level, { process: 'hq' }), pino.multistream(streams));
  const files = readdirSync(settings.dir).map((name) => ({ name, mtimeMs: statSync(path.join(settings.dir, name)).mtimeMs }));
  for (const name of expiredLogFiles(files, settings, Date.now(), path.basename(roll.file ?? ''))) unlinkSync(path.join(settings.dir, name));
  return {
    logger,
    file: () => roll.file ?? rollOptions(settings, path.join).file,
    close: () => new Promise<void>((resolve) => {
      roll.once('close', resolve);
      roll.end();
    }),
  };
}

/** An error nothing caught: logged as fatal, then exit 1 (lines are written synchronously, nothing to wait for). */
export function installHqFatalHandlers(log: HqLog): void {
  installFatalErrorPolicy(process, {
    fatal: (kind, error) => log.logger.fatal({ err: error, kind }, `HQ stopping after an error nothing handled (${kind})`),
    flush: async () => undefined,
    exit: (code) => process.exit(code),
  });
}
