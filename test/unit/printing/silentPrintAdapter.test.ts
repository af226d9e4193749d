import { describe, expect, it } from 'vitest';
import {
  LABEL_PAGE_MICRONS, createSilentPrinter, type PrintWindow, type SilentPrintOptions,
} from '../../../electron/main/printing/silentPrintAdapter.ts';

/** A stand-in for BrowserWindow + webContents.print: records what was loaded and asked, answers as told. */
function fakeWindows(answer: (options: SilentPrintOptions) => [boolean, string] | 'never') {
  const log = { loaded: [] as string[], printed: [] as SilentPrintOptions[], destroyed: 0, opened: 0 };
  const openWindow = (): PrintWindow => {
    log.opened++;
    let destroyed = false;
    return {
      webContents: {
        loadURL: async (url) => {
          log.loaded.push(url);
        },
        print: (options, callback) => {
          log.printed.push(options);
          const a = answer(options);
          if (a !== 'never') setImmediate(() => callback(a[0], a[1]));
        },
      },
      destroy: () => {
        destroyed = true;
        log.destroyed++;
      },
      isDestroyed: () => destroyed,
    };
  };
  return { log, openWindow };
}

const PRINTERS = async () => [{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421 (dock 3)' }];
const HTML = '<!doctype html><html><body><svg></svg>Étiquette</body></html>';

describe('Electron silent print adapter', () => {
  it('prints the page silently to the named printer at 4×6 in (microns), no margins, and closes the window', async () => {
    const { log, openWindow } = fakeWindows(() => [true, '']);
    const printer = createSilentPrinter({ openWindow, listPrinters: PRINTERS });
    expect(await printer.printHtml(HTML, 'Zebra_ZD421')).toEqual({ ok: true, value: null });
    expect(log.printed).toEqual([
      { silent: true, deviceName: 'Zebra_ZD421', printBackground: true, pageSize: { width: 101_600, height: 152_400 }, margins: { marginType: 'none' }, landscape: false, copies: 1 },
    ]);
    expect(LABEL_PAGE_MICRONS.width / 25_400).toBe(4);
    const url = log.loaded[0] ?? '';
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(HTML);
    expect(log.destroyed).toBe(1);
  });

  it('refuses a printer the system does not list, without opening a window', async () => {
    const { log, openWindow } = fakeWindows(() => [true, '']);
    const printer = createSilentPrinter({ openWindow, listPrinters: PRINTERS });
    expect(await printer.printHtml(HTML, 'Zebra ZD421 (dock 3)')).toMatchObject({ ok: false, error: { code: 'PRINTER_REJECTED', message: expect.stringContaining('Zebra_ZD421') } });
    expect(log.opened).toBe(0);
  });

  it('maps Electron failure reasons to retry / needs-a-person', async () => {
    const failed = createSilentPrinter({ openWindow: fakeWindows(() => [false, 'Print job failed']).openWindow, listPrinters: PRINTERS });
    expect(await failed.printHtml(HTML, 'Zebra_ZD421')).toMatchObject({ ok: false, error: { code: 'PRINTER_IO_ERROR' } });
    const invalid = createSilentPrinter({ openWindow: fakeWindows(() => [false, 'Invalid printer settings']).openWindow, listPrinters: PRINTERS });
    expect(await invalid.printHtml(HTML, 'Zebra_ZD421')).toMatchObject({ ok: false, error: { code: 'PRINTER_REJECTED' } });
  });

  it('times out a print call that never calls back, and still closes the window', async () => {
    const { log, openWindow } = fakeWindows(() => 'never');
    const printer = createSilentPrinter({ openWindow, listPrinters: PRINTERS, timeoutMs: 50 });
    expect(await printer.printHtml(HTML, 'Zebra_ZD421')).toMatchObject({ ok: false, error: { code: 'PRINTER_TIMEOUT' } });
    expect(log.destroyed).toBe(1);
  });

  it('lists printers by system name', async () => {
    const printer = createSilentPrinter({ openWindow: fakeWindows(() => [true, '']).openWindow, listPrinters: PRINTERS });
    expect(await printer.listPrinters()).toEqual([{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421 (dock 3)' }]);
  });
});
