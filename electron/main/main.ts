/**
 * Electron entry: opens the configured station, then enables the modules in order. Only wiring lives here.
 */
import { app } from 'electron';
import path from 'node:path';
import type { AppContext, AppModule } from './appModule.ts';
import { APP_ORIGIN } from './appOrigin.ts';
import { appProtocol, registerAppScheme } from './modules/appProtocol.ts';
import { singleInstance } from './modules/singleInstance.ts';
import { securityLockdown } from './modules/securityLockdown.ts';
import { stationIpcModule } from './modules/stationIpcModule.ts';
import { mainWindow } from './modules/mainWindow.ts';
import { openConfiguredStation } from '../station/openConfiguredStation.ts';

const MODULES: readonly AppModule[] = [singleInstance, securityLockdown, appProtocol, stationIpcModule, mainWindow];

registerAppScheme();

async function start(): Promise<void> {
  await app.whenReady();
  const outDir = path.join(app.getAppPath(), 'out');
  const station = await openConfiguredStation({
    argv: process.argv.slice(app.isPackaged ? 1 : 2),
    env: process.env,
    transport: 'electron',
    defaultDataDir: path.join(app.getPath('userData'), 'station'),
    version: app.getVersion(),
  });
  const context: AppContext = {
    app, station, appOrigin: APP_ORIGIN,
    rendererDir: path.join(outDir, 'renderer'),
    preloadPath: path.join(outDir, 'preload', 'preload.cjs'),
    window: null,
  };
  for (const module of MODULES) await module.enable(context);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void station.close());
}

start().catch((error: unknown) => {
  process.stderr.write(`ECMS Intake could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  app.exit(1);
});
