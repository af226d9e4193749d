import { ipcMain } from 'electron';
import type { AppModule } from '../appModule.ts';
import { registerStationIpc } from '../stationIpc.ts';

/** The contract's commands over IPC, one channel each. */
export const stationIpcModule: AppModule = {
  name: 'station-ipc',
  enable(ctx) {
    registerStationIpc(ipcMain, ctx.station.handlers, ctx.appOrigin, {
      error: (message, error) => process.stderr.write(`[station] ${message}: ${error instanceof Error ? error.stack : String(error)}\n`),
    });
  },
};
