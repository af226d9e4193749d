/**
 * `npm start`: builds the app, then runs the station in Electron where Electron's binary is available (fetched on
 * demand), otherwise serves the same station to Chromium ("browser mode") and says why.
 * Options after `--` go to the station (see electron/station/stationConfig.ts); `--browser` forces browser mode.
 * Every part runs as a child process supervised here (supervise.ts): if the station stops, the demo HQ stops too,
 * and if the demo HQ stops, so does the station; the launcher says which and why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll } from './build.ts';
import { findOrFetchElectron } from './electronBinary.ts';
import { CHROMIUM_FLAGS, findChromium } from './findChromium.ts';
import { REPO_ROOT } from '../host/runBrowserStation.ts';
import { parseStationConfig, type StationConfig } from '../station/stationConfig.ts';
import { StationError } from '../station/stationError.ts';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.ts';
import { startEmbeddedHq } from './embeddedHq.ts';
import { startStationChild } from './stationChild.ts';
import { killOnExit, startInOrder, stopAll, superviseUntilOneEnds, type SupervisedChild } from './supervise.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  say(`ECMS Intake needs Node 22 or newer (Node 24 LTS recommended); this is ${process.version}. Run \`npm install\` (it brings Node 24 on Linux x64) or install Node 24.`);
  process.exit(1);
}

// `--browser` is start's own flag (read with node:util parseArgs); everything else goes to the station unchanged.
const args = process.argv.slice(2);
const { tokens } = parseArgs({ args, options: { browser: { type: 'boolean' } }, strict: false, allowPositionals: true, tokens: true });
const browserAt = new Set(tokens.filter((t) => t.kind === 'option' && t.name === 'browser' && t.value === undefined).map((t) => t.index));
const forceBrowser = browserAt.size > 0 || process.env['ECMS_BROWSER_MODE'] === '1';
const stationArgs = args.filter((_arg, i) => !browserAt.has(i));

/** The station's configuration, or a plain message and exit 2 for a flag the station cannot take. */
function readStationConfig(): StationConfig {
  try {
    return parseStationConfig(stationArgs, process.env, path.join(REPO_ROOT, '.data', 'station'));
  } catch (err) {
    if (!(err instanceof StationError)) throw err;
    say(err.message);
    process.exit(2);
  }
}

const config = readStationConfig();

say('Building the station …');
await buildAll({ quiet: true });

/** Electron as a supervised child: it ends when its window closes. */
function electronChild(binary: string, env: NodeJS.ProcessEnv): SupervisedChild {
  const child: ChildProcess = spawn(binary, [REPO_ROOT, ...stationArgs], { stdio: 'inherit', env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: 'the station (Electron)',
    child,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A browser-mode station that is up: say where, and open Chromium on it if there is a display. */
function announceBrowserMode(reason: string, ready: { pageUrl: string; stationId: string; warehouse: string; demo: boolean; dataDir: string }): void {
  say(`ECMS Intake is running in BROWSER MODE because ${reason}.`);
  say(`Station ${ready.stationId} (${ready.warehouse})${ready.demo ? ', demo data' : ''}; data in ${ready.dataDir}`);
  say(`Open: ${ready.pageUrl}`);
  const chromium = findChromium();
  const display = process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY'];
  if (chromium && display) {
    const profile = mkdtempSync(path.join(tmpdir(), 'ecms-chromium-'));
    spawn(chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--app=${ready.pageUrl}`], { stdio: 'ignore', detached: true }).unref();
    say('Opened it in a Chromium app window.');
  } else {
    say(chromium ? 'No display here: open the address above in a browser on this machine.' : 'Chromium not found (set CHROMIUM_PATH or `apt-get install chromium`): open the address above in a browser on this machine.');
  }
  say('Press Ctrl+C to stop.');
}

const stationEnv: NodeJS.ProcessEnv = { ...process.env };
let parts: SupervisedChild[] = [];
killOnExit(process, () => parts);
let stopping = false;
const stopEverything = () => {
  stopping = true;
  void stopAll(parts).then(() => process.exit(0));
};
process.once('SIGINT', stopEverything);
process.once('SIGTERM', stopEverything);

try {
  parts = await startInOrder([
    // The demo runs its own HQ beside it, unless the station was pointed at a real one.
    async () => {
      if (!config.demo || config.hqUrl !== undefined) return null;
      const hq = await startEmbeddedHq(REPO_ROOT, {
        stationId: config.settings.stationId ?? DEFAULT_SETTINGS.stationId,
        warehouse: config.settings.warehouse ?? DEFAULT_SETTINGS.warehouse,
      });
      stationEnv['ECMS_HQ_URL'] = hq.url;
      stationEnv['ECMS_HQ_TOKEN'] = hq.token;
      say(`Demo HQ (PGlite in .data/hq) at ${hq.url}`);
      return hq;
    },
    async () => {
      const electron = forceBrowser ? { found: false as const, reason: 'browser mode was asked for' } : await findOrFetchElectron(say);
      if (electron.found) {
        say('Starting ECMS Intake in Electron.');
        return electronChild(electron.binary, stationEnv);
      }
      const station = await startStationChild(REPO_ROOT, stationArgs, stationEnv);
      announceBrowserMode(electron.reason, station.ready);
      return station;
    },
  ]);
} catch (error) {
  say(`ECMS Intake could not start: ${(error as Error).message}. Nothing is left running.`);
  process.exit(1);
}

const end = await superviseUntilOneEnds(parts, say, () => stopping);
if (!stopping) process.exit(end.code === 0 && end.signal === null ? 0 : 1);
