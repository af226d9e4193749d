/**
 * The silent-print adapter bound to Electron: each job gets a hidden, sandboxed BrowserWindow with JavaScript off
 * (the page is static SVG); printers are listed through the given webContents (usually the main window's).
 * Wire it once the app is ready: `printQueue.attachSystemPrinter(electronSystemPrinter(mainWindow.webContents))`.
 */
import { BrowserWindow, type WebContents } from 'electron';
import type { SystemPrinter } from '../../printing/systemPrinter.ts';
import { createSilentPrinter } from './silentPrintAdapter.ts';

export function electronSystemPrinter(lister: WebContents): SystemPrinter {
  return createSilentPrinter({
    openWindow: () =>
      new BrowserWindow({
        show: false,
        width: 400,
        height: 600,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
      }),
    listPrinters: () => lister.getPrintersAsync(),
  });
}
