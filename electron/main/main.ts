/**
 * Electron entry: only wiring. The order (single-instance lock first, then log, station, modules; quit waits for
 * the station to close) lives in startMain.ts.
 */
import { app, dialog } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from './appOrigin.ts';
import { appProtocol, registerAppScheme } from './modules/appProtocol.ts';
import { singleInstance } from './modules/singleInstance.ts';
import { securityLockdown } from './modules/securityLockdown.ts';
import { stationIpcModule } from './modules/stationIpcModule.ts';
import { mainWindow } from './modules/mainWindow.ts';
import { openConfiguredStation } from '../station/openConfiguredStation.ts';
import { parseStationConfig } from '../station/stationConfig.ts';
import { openStationLog } from '../log/openStationLog.ts';
import { startMain } from './startMain.ts';
import { readBuildInfo } from '../station/readBuildInfo.ts';
import { stationUpdates } from './modules/stationUpdates.ts';

registerAppScheme();

const argv = process.argv.slice(app.isPackaged ? 1 : 2);
const outDir = path.join(app.getAppPath(), 'out');
const defaultDataDir = () => path.join(app.getPath('userData'), 'station');

void startMain({
  app,
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  openLog: () => openStationLog(parseStationConfig(argv, process.env, defaultDataDir()).dataDir, process.env, 'main', process.stderr.isTTY),
  openStation: (log) => openConfiguredStation({
    argv, env: process.env, transport: 'electron', defaultDataDir: defaultDataDir(), version: app.getVersion(), build: readBuildInfo(app.getAppPath()), logger: log.logger,
  }),
  modules: [singleInstance, securityLockdown, appProtocol, stationIpcModule, mainWindow, stationUpdates(() => {
    const config = parseStationConfig(argv, process.env, defaultDataDir());
    return { hqUrl: config.hqUrl ?? null, hqToken: config.hqToken ?? null };
  })],
  context: {
    appOrigin: APP_ORIGIN,
    rendererDir: path.join(outDir, 'renderer'),
    preloadPath: path.join(outDir, 'preload', 'preload.cjs'),
  },
  process,
});
