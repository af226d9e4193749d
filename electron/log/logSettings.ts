/**
 * The log settings of a station or the Electron main process, from the environment (flags are the station's
 * configuration; logging is a developer and support concern):
 *   ECMS_LOG_LEVEL            fatal | error | warn | info (default) | debug | trace
 *   ECMS_LOG_RETENTION_DAYS   days a log file is kept (default 14)
 *   ECMS_LOG_MAX_FILE_MB      a file rolls over at this size, and at midnight (default 10)
 *   ECMS_LOG_PRETTY           1: also the readable form on the terminal; 0: never (default: when stderr is a terminal)
 * The files are `<data dir>/logs/<stem>.<date>.<n>.log`. A malformed value stops start-up with its problem.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOG_MAX_FILE_MB, DEFAULT_LOG_RETENTION_DAYS, LOG_LEVELS, type LogSettings } from '../../shared/log/logOptions.ts';
import { StationError } from '../station/stationError.ts';

const EnvSchema = z.object({
  ECMS_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ECMS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_LOG_RETENTION_DAYS),
  ECMS_LOG_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(DEFAULT_LOG_MAX_FILE_MB),
  ECMS_LOG_PRETTY: z.enum(['0', '1']).optional(),
});

const present = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function stationLogDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export function logSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  dir: string,
  fileStem: string,
  terminalIsTty: boolean,
): LogSettings {
  const parsed = EnvSchema.safeParse({
    ECMS_LOG_LEVEL: present(env['ECMS_LOG_LEVEL']),
    ECMS_LOG_RETENTION_DAYS: present(env['ECMS_LOG_RETENTION_DAYS']),
    ECMS_LOG_MAX_FILE_MB: present(env['ECMS_LOG_MAX_FILE_MB']),
    ECMS_LOG_PRETTY: present(env['ECMS_LOG_PRETTY']),
  });
  if (!parsed.success) {
    throw new StationError('INVALID_REQUEST', `The log settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    dir, fileStem, level: e.ECMS_LOG_LEVEL, retentionDays: e.ECMS_LOG_RETENTION_DAYS, maxFileMb: e.ECMS_LOG_MAX_FILE_MB,
    pretty: e.ECMS_LOG_PRETTY === undefined ? terminalIsTty : e.ECMS_LOG_PRETTY === '1',
  };
}
