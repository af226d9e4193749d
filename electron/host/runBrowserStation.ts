/**
 * Browser mode as a process: opens the configured station and serves it on 127.0.0.1. Prints one line
 * `ECMS_STATION_READY {json}` when ready (tests and the launcher read it), and closes cleanly on SIGINT/SIGTERM.
 *
 *   node electron/host/runBrowserStation.ts [station options, see electron/station/stationConfig.ts]
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { openConfiguredStation } from '../station/openConfiguredStation.ts';
import { startBrowserHost, type BrowserHost } from './browserHost.ts';
import type { Station } from '../station/createStation.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const READY_PREFIX = 'ECMS_STATION_READY ';

export interface RunningStation {
  readonly station: Station;
  readonly host: BrowserHost;
  close(): Promise<void>;
}

export async function runBrowserStation(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<RunningStation> {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const station = await openConfiguredStation({
    argv, env, transport: 'browser', version,
    defaultDataDir: path.join(REPO_ROOT, '.data', 'station'),
  });
  const host = await startBrowserHost({ station, rendererDir: path.join(REPO_ROOT, 'out', 'renderer'), port: station.config.port });
  return {
    station, host,
    async close() {
      await host.close();
      await station.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const running = await runBrowserStation(process.argv.slice(2), process.env);
  const info = await running.station.handlers['station.info']({});
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ pageUrl: running.host.pageUrl, origin: running.host.origin, token: running.host.token, ...info })}\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
