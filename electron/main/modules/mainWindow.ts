import { BrowserWindow } from 'electron';
import type { AppModule } from '../appModule.ts';
import { mainWindowOptions } from '../windowOptions.ts';
import { forwardStationEvents } from '../stationIpc.ts';
import { electronSystemPrinter } from '../printing/electronSystemPrinter.ts';

/** The station window: locked-down options, the app page, and the station's event streams forwarded to it. */
export const mainWindow: AppModule = {
  name: 'main-window',
  async enable(ctx) {
    const window = new BrowserWindow(mainWindowOptions(ctx.preloadPath));
    ctx.window = window;
    const stopForwarding = forwardStationEvents(ctx.station.events, window.webContents);
    // Silent printing to system printers (PDF/office printers) goes through Electron's print API.
    ctx.station.printing.queue.attachSystemPrinter(electronSystemPrinter(window.webContents));
    window.on('closed', () => {
      stopForwarding();
      ctx.station.printing.queue.attachSystemPrinter(null);
      ctx.window = null;
    });
    window.once('ready-to-show', () => window.show());
    await window.loadURL(`${ctx.appOrigin}/index.html`);
  },
};
