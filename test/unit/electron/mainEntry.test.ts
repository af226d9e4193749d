/**
 * The real Electron entry (electron/main/main.ts) with the stand-in `electron` module: a second launch, refused the
 * single-instance lock, quits without waiting for ready, opening a station or creating a window.
 */
import { expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getAppPath: () => '/app',
    getPath: () => '/user-data',
    getVersion: () => '0.0.0',
    requestSingleInstanceLock: () => {
      calls.push('lock');
      return false;
    },
    whenReady: () => {
      calls.push('whenReady');
      return new Promise(() => undefined);
    },
    quit: () => calls.push('quit'),
    exit: (code: number) => calls.push(`exit ${code}`),
    on: (event: string) => calls.push(`on ${event}`),
  },
  dialog: { showErrorBox: () => calls.push('dialog') },
  protocol: { registerSchemesAsPrivileged: () => calls.push('register scheme'), handle: () => calls.push('protocol handle') },
  BrowserWindow: class {
    constructor() {
      calls.push('window');
    }
  },
  session: { defaultSession: {} },
  ipcMain: { handle: () => calls.push('ipc'), removeHandler: () => undefined },
}));

it('a second instance opens nothing and creates no window', async () => {
  await import('../../../electron/main/main.ts');
  await new Promise((r) => setTimeout(r, 50));
  expect(calls).toEqual(['register scheme', 'lock', 'quit']);
});
