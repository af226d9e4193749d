/**
 * The Electron main process in order:
 *   1. the single-instance lock, before anything opens: a second launch quits here, having opened nothing;
 *   2. the log in the data directory (every later failure can point to it);
 *   3. the station (SQLite, scale, serial scanner, sync loop); a failure shows a dialog with the plain message and
 *      the log file, then the app quits with code 1;
 *   4. the modules (lockdown, app:// protocol, IPC, window);
 *   5. on quit: `before-quit` is held until the station has closed, bounded by a timeout, then the app quits.
 * The parts are passed in, so tests run this order with stand-ins (test/unit/electron/mainOrder.test.ts).
 */
import type { App } from 'electron';
import type { AppContext, AppModule } from './appModule.ts';
import type { Station } from '../station/createStation.ts';
import type { OpenLogger } from '../log/openLogger.ts';
import { installFatalHandlers, within } from '../log/openStationLog.ts';
import { StationError } from '../station/stationError.ts';

export const STATION_CLOSE_TIMEOUT_MS = 5000;

export type MainApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'on'>;

export interface MainParts {
  readonly app: MainApp;
  readonly showErrorBox: (title: string, content: string) => void;
  /** Opens the log in the configured data directory. */
  readonly openLog: () => Promise<OpenLogger>;
  readonly openStation: (log: OpenLogger) => Promise<Station>;
  readonly modules: readonly AppModule[];
  readonly context: Omit<AppContext, 'app' | 'station' | 'logger' | 'window'>;
  readonly closeTimeoutMs?: number;
  /** The process the fatal-error policy is installed on (absent in tests). */
  readonly process?: NodeJS.Process;
}

export type MainOutcome = 'second-instance' | 'started' | 'failed';

/** What a worker reads when the app cannot start: the station's own words for expected failures. */
export function startFailureText(error: unknown, logFile: string | null): string {
  const plain = error instanceof StationError ? error.message : 'Something went wrong while the station was starting.';
  const where = logFile === null ? 'Call a supervisor.' : `Call a supervisor; the details are in the log file:\n${logFile}`;
  return `${plain}\n\n${where}`;
}

export async function startMain(parts: MainParts): Promise<MainOutcome> {
  const { app } = parts;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }
  await app.whenReady();
  let log: OpenLogger | null = null;
  try {
    log = await parts.openLog();
    const opened = log;
    if (parts.process) installFatalHandlers(parts.process, opened, (code) => app.exit(code));
    const station = await parts.openStation(opened);
    const context: AppContext = { ...parts.context, app: app as App, station, logger: opened.logger, window: null };
    holdQuitUntilClosed(app, station, opened, parts.closeTimeoutMs ?? STATION_CLOSE_TIMEOUT_MS);
    for (const module of parts.modules) await module.enable(context);
    app.on('window-all-closed', () => app.quit());
    opened.logger.info({ logFile: opened.file() }, 'ECMS Intake started');
    return 'started';
  } catch (error) {
    log?.logger.fatal({ err: error }, 'ECMS Intake could not start');
    parts.showErrorBox('ECMS Intake could not start', startFailureText(error, log?.file() ?? null));
    await log?.close();
    app.exit(1);
    return 'failed';
  }
}

/** Holds `before-quit` until the station has closed (or the timeout passed), then quits for real. */
function holdQuitUntilClosed(app: MainApp, station: Station, log: OpenLogger, timeoutMs: number): void {
  let closing = false;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void within(station.close(), timeoutMs)
      .then((outcome) => {
        if (outcome === 'timeout') log.logger.warn({ timeoutMs }, 'the station did not close in time; quitting anyway');
      }, (error: unknown) => log.logger.error({ err: error }, 'closing the station failed'))
      .then(() => log.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
