/**
 * The main window's options, kept apart so a test can assert every security setting (Electron security checklist
 * items 2, 3, 4, 6, 8, 9, 10).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'ECMS Intake',
    backgroundColor: '#f3f4f6',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: process.env['ECMS_DEVTOOLS'] === '1',
    },
  };
}
