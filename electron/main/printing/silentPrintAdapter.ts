/**
 * The station's SystemPrinter port implemented with Electron's silent printing: the job's HTML page (one 4×6 in
 * page) is loaded into a hidden, sandboxed window with JavaScript off and printed with webContents.print — always
 * with an explicit deviceName and pageSize in microns and no margins (../shared/reference/electron.md §6: without pageSize Electron
 * prints A4 since v25; the system name, not the display name, is the device name).
 *
 * A printer name the system does not list is refused up front (PRINTER_REJECTED): with silent printing a wrong
 * name can end up on another printer. failureReason "Print job failed" is worth retrying; "Invalid printer
 * settings" and "Print job canceled" need a person.
 *
 * Typed against the small part of BrowserWindow/webContents it uses, so it is tested with a stand-in
 * (test/unit/printing/silentPrintAdapter.test.ts); electronSystemPrinter.ts binds it to the real BrowserWindow.
 */
import { Buffer } from 'node:buffer';
import type { SystemPrinter, SystemPrinterInfo } from '../../printing/systemPrinter.ts';
import { printFail, printOk, type PrintOutcome } from '../../../shared/printing/printErrors.ts';

/** 4 × 6 in in microns (Electron's pageSize unit for print(); printToPDF uses inches). */
export const LABEL_PAGE_MICRONS = { width: 101_600, height: 152_400 } as const;

export interface SilentPrintOptions {
  readonly silent: true;
  readonly deviceName: string;
  readonly printBackground: true;
  readonly pageSize: { readonly width: number; readonly height: number };
  readonly margins: { readonly marginType: 'none' };
  readonly landscape: false;
  readonly copies: 1;
}

export interface PrintableContents {
  loadURL(url: string): Promise<void>;
  print(options: SilentPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

export interface PrintWindow {
  readonly webContents: PrintableContents;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface SilentPrinterDeps {
  /** A new hidden window for one job (destroyed after it). */
  readonly openWindow: () => PrintWindow;
  /** The system's printers (e.g. the main window's webContents.getPrintersAsync()). */
  readonly listPrinters: () => Promise<ReadonlyArray<{ name: string; displayName: string }>>;
  readonly timeoutMs?: number;
}

export function silentPrintOptions(deviceName: string): SilentPrintOptions {
  return { silent: true, deviceName, printBackground: true, pageSize: LABEL_PAGE_MICRONS, margins: { marginType: 'none' }, landscape: false, copies: 1 };
}

function mapFailure(deviceName: string, reason: string): PrintOutcome<never> {
  if (/failed/i.test(reason)) return printFail('PRINTER_IO_ERROR', `The system printer ${deviceName} reported "${reason}"; it is tried again.`);
  return printFail('PRINTER_REJECTED', `The system printer ${deviceName} refused the page: "${reason || 'no reason given'}". Check the printer in printer setup.`);
}

export function createSilentPrinter(deps: SilentPrinterDeps): SystemPrinter {
  const timeoutMs = deps.timeoutMs ?? 60_000;
  const listPrinters = async (): Promise<SystemPrinterInfo[]> => (await deps.listPrinters()).map((p) => ({ name: p.name, displayName: p.displayName }));
  return {
    listPrinters,
    async printHtml(html, deviceName) {
      const known = await listPrinters();
      if (!known.some((p) => p.name === deviceName)) {
        const names = known.map((p) => p.name).join(', ') || 'none';
        return printFail('PRINTER_REJECTED', `There is no system printer called "${deviceName}" (printers: ${names}).`);
      }
      const window = deps.openWindow();
      try {
        await window.webContents.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return await new Promise<PrintOutcome<null>>((resolve) => {
          const timer = setTimeout(() => resolve(printFail('PRINTER_TIMEOUT', `The system printer ${deviceName} did not finish within ${timeoutMs / 1000} s.`)), timeoutMs);
          window.webContents.print(silentPrintOptions(deviceName), (success, failureReason) => {
            clearTimeout(timer);
            resolve(success ? printOk(null) : mapFailure(deviceName, failureReason));
          });
        });
      } catch (error) {
        return printFail('PRINTER_IO_ERROR', `The page could not be prepared for printing: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
