/**
 * `npm start`: builds the app, then runs the station in Electron where Electron's binary is available (fetched on
 * demand), otherwise serves the same station to Chromium ("browser mode") and says why.
 * Options after `--` go to the station (see electron/station/stationConfig.ts); `--browser` forces browser mode.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll } from './build.ts';
import { findOrFetchElectron } from './electronBinary.ts';
import { CHROMIUM_FLAGS, findChromium } from './findChromium.ts';
import { REPO_ROOT, runBrowserStation } from '../host/runBrowserStation.ts';
import { parseStationConfig, type StationConfig } from '../station/stationConfig.ts';
import { StationError } from '../station/stationError.ts';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.ts';
import { startEmbeddedHq, type EmbeddedHq } from './embeddedHq.ts';

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

// The demo runs its own HQ beside it, unless the station was pointed at a real one.
let hq: EmbeddedHq | null = null;
const stationEnv: NodeJS.ProcessEnv = { ...process.env };
if (config.demo && config.hqUrl === undefined) {
  hq = await startEmbeddedHq(REPO_ROOT, {
    stationId: config.settings.stationId ?? DEFAULT_SETTINGS.stationId,
    warehouse: config.settings.warehouse ?? DEFAULT_SETTINGS.warehouse,
  });
  stationEnv['ECMS_HQ_URL'] = hq.url;
  stationEnv['ECMS_HQ_TOKEN'] = hq.token;
  say(`Demo HQ (PGlite in .data/hq) at ${hq.url}`);
}

const electron = forceBrowser ? { found: false as const, reason: 'browser mode was asked for' } : await findOrFetchElectron(say);
if (electron.found) {
  say('Starting ECMS Intake in Electron.');
  const child = spawn(electron.binary, [REPO_ROOT, ...stationArgs], { stdio: 'inherit', env: stationEnv });
  child.on('exit', (code) => void (hq?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 1)));
} else {
  const running = await runBrowserStation(stationArgs, stationEnv);
  const info = await running.station.handlers['station.info']({});
  say(`ECMS Intake is running in BROWSER MODE because ${electron.reason}.`);
  say(`Station ${info.stationId} (${info.warehouse})${info.demo ? ', demo data' : ''}; data in ${info.dataDir}`);
  say(`Open: ${running.host.pageUrl}`);
  const chromium = findChromium();
  const display = process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY'];
  if (chromium && display) {
    const profile = mkdtempSync(path.join(tmpdir(), 'ecms-chromium-'));
    spawn(chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--app=${running.host.pageUrl}`], { stdio: 'ignore', detached: true }).unref();
    say('Opened it in a Chromium app window.');
  } else {
    say(chromium ? 'No display here: open the address above in a browser on this machine.' : 'Chromium not found (set CHROMIUM_PATH or `apt-get install chromium`): open the address above in a browser on this machine.');
  }
  say('Press Ctrl+C to stop.');
  const stop = () => void running.close().then(() => hq?.stop()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
