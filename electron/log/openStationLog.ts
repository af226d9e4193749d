/**
 * The log of a station process (browser mode) or the Electron main process: `<data dir>/logs/<stem>.<date>.<n>.log`,
 * settings from the environment (logSettings.ts). It also becomes the process logger, and an error nothing caught
 * is written to it as fatal, flushed, and the process exits with code 1.
 */
import { installFatalErrorPolicy, type ProcessEventsLike } from '../../shared/log/fatalErrorPolicy.ts';
import { logSettingsFromEnv, stationLogDir } from './logSettings.ts';
import { openLogger, type OpenLogger } from './openLogger.ts';
import { setProcessLogger } from './processLogger.ts';

/** How long a fatal error waits for its line to reach the disk before the process exits anyway. */
export const FATAL_FLUSH_TIMEOUT_MS = 2000;

export async function openStationLog(
  dataDir: string,
  env: Readonly<Record<string, string | undefined>>,
  fileStem: 'station' | 'main',
  terminalIsTty: boolean,
): Promise<OpenLogger> {
  const opened = await openLogger(logSettingsFromEnv(env, stationLogDir(dataDir), fileStem, terminalIsTty), { process: fileStem });
  setProcessLogger(opened.logger);
  return opened;
}

/** Resolves when `promise` does or after `ms`, whichever is first; says which. */
export async function within(promise: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function installFatalHandlers(proc: ProcessEventsLike, log: OpenLogger, exit: (code: number) => void): void {
  installFatalErrorPolicy(proc, {
    fatal: (kind, error) => log.logger.fatal({ err: error, kind }, `stopping after an error nothing handled (${kind})`),
    flush: async () => {
      await within(log.flush(), FATAL_FLUSH_TIMEOUT_MS);
    },
    exit,
  });
}
