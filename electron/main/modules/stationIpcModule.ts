import { ipcMain } from 'electron';
import type { AppModule } from '../appModule.ts';
import { registerStationIpc } from '../stationIpc.ts';
import { dispatchLogTo } from '../../station/dispatchCommand.ts';

/** The contract's commands over IPC, one channel each. */
export const stationIpcModule: AppModule = {
  name: 'station-ipc',
  enable(ctx) {
    registerStationIpc(ipcMain, ctx.station.handlers, ctx.appOrigin, dispatchLogTo({ error: (fields, message) => ctx.station.logger().error(fields, message) }));
  },
};
