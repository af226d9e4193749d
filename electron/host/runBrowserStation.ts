/**
 * Browser mode as a process: opens the configured station and serves it on 127.0.0.1. Prints one line
 * `ECMS_STATION_READY {json}` when ready (tests and the launcher read it), and closes cleanly on SIGINT/SIGTERM.
 * The port and token are remembered in the data directory (hostIdentity.ts). Logs go to `<data dir>/logs/` (electron/log/); an error nothing caught is logged as fatal and the process exits 1,
 * while a failing event listener is only logged.
 *
 *   node electron/host/runBrowserStation.ts [station options, see electron/station/stationConfig.ts]
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { openConfiguredStation } from '../station/openConfiguredStation.ts';
import { parseStationConfig, type StationConfig } from '../station/stationConfig.ts';
import { installFatalHandlers, openStationLog } from '../log/openStationLog.ts';
import type { Logger, OpenLogger } from '../log/openLogger.ts';
import { startBrowserHost, type BrowserHost } from './browserHost.ts';
import { readHostIdentity, tokenFor, writeHostIdentity } from './hostIdentity.ts';
import type { Station } from '../station/createStation.ts';
import { readBuildInfo } from '../station/readBuildInfo.ts';
import { StationError } from '../station/stationError.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const READY_PREFIX = 'ECMS_STATION_READY ';

export interface RunningStation {
  readonly station: Station;
  readonly host: BrowserHost;
  readonly log: OpenLogger;
  close(): Promise<void>;
}

export async function runBrowserStation(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<RunningStation> {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const defaultDataDir = path.join(REPO_ROOT, '.data', 'station');
  const dataDir = parseStationConfig(argv, env, defaultDataDir).dataDir;
  const log = await openStationLog(dataDir, env, 'station', process.stderr.isTTY).catch((error: unknown) => {
    // The data directory cannot even hold the log (it is a file, or not writable): say so plainly, no stack trace.
    const why = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new StationError('STORAGE_FAILED', `The station cannot write to its data directory ${dataDir}${why}. Check that it is a folder this user may write to, or start the station with --data-dir pointing to one.`);
  });
  try {
    const station = await openConfiguredStation({ argv, env, transport: 'browser', version, build: readBuildInfo(REPO_ROOT), defaultDataDir, logger: log.logger });
    const host = await startRememberedHost(station, log.logger);
    return {
      station, host, log,
      async close() {
        await host.close();
        await station.close();
        await log.close();
      },
    };
  } catch (error) {
    log.logger.fatal({ err: error }, 'the station could not start');
    await log.close();
    throw error;
  }
}

/**
 * The host on the port and with the token this data directory remembers, so an open page resumes after a restart.
 * `--port` wins over the remembered port; a remembered port that is now taken gives way to any free one.
 */
async function startRememberedHost(station: Station & { readonly config: StationConfig }, logger: Logger): Promise<BrowserHost> {
  const { dataDir, port: askedPort } = station.config;
  const stored = readHostIdentity(dataDir);
  if (stored.kind === 'unreadable') logger.warn({ part: 'browser host', reason: stored.reason }, 'the remembered port and token could not be read; using new ones');
  const remembered = stored.kind === 'found' ? stored.identity.port : 0;
  const host = await startBrowserHost({
    station,
    rendererDir: path.join(REPO_ROOT, 'out', 'renderer'),
    port: askedPort !== 0 ? askedPort : remembered,
    portFallback: askedPort === 0,
    token: tokenFor(stored),
  });
  try {
    writeHostIdentity(dataDir, { port: host.port, token: host.token });
  } catch (err) {
    logger.warn({ part: 'browser host', err }, 'could not remember the port and token; an open page will need reopening after a restart');
  }
  return host;
}

/**
 * The process: runs the station, installs the fatal-error policy, prints the ready line, and closes on SIGINT/SIGTERM.
 * `beforeReady` lets a test attach to the running station (e.g. a listener that throws) before the ready line.
 */
export async function serveBrowserStation(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  beforeReady: (running: RunningStation) => void = () => undefined,
): Promise<RunningStation> {
  const running = await runBrowserStation(argv, env);
  installFatalHandlers(process, running.log, (code) => process.exit(code));
  beforeReady(running);
  const info = await running.station.handlers['station.info']({});
  running.log.logger.info({ origin: running.host.origin, logFile: running.log.file() }, 'browser-mode station ready');
  // Stop cleanly on the first signal; a second one during the close does not cut it short.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Under `npm start`'s supervisor: its end closes our stdin, and the station stops with it (never left orphaned).
  if (env['ECMS_SUPERVISED'] === '1') {
    process.stdin.on('end', stop).on('error', stop).resume();
  }
  // Ready only once a stop signal is handled.
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ pageUrl: running.host.pageUrl, origin: running.host.origin, token: running.host.token, logFile: running.log.file(), ...info })}\n`);
  return running;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await serveBrowserStation(process.argv.slice(2), process.env);
  } catch (error) {
    // An expected refusal (a damaged or missing database, bad settings …): its plain message, never a stack trace.
    if (!(error instanceof StationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
}
