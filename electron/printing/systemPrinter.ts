/**
 * The port through which the station prints to a system printer in Electron (silent webContents.print). Only the
 * Electron main process can implement it (electron/main/printing/silentPrintAdapter.ts); in browser mode and in
 * tests there is none, and a `pdf-system` printer reports PRINTER_UNAVAILABLE.
 */
import type { PrintOutcome } from '../../shared/printing/printErrors.ts';

export interface SystemPrinterInfo {
  /** The system name to print to (Electron's `deviceName`). */
  readonly name: string;
  readonly displayName: string;
}

export interface SystemPrinter {
  /** Prints a self-contained HTML page (one 4×6 in page) silently to `deviceName`. */
  printHtml(html: string, deviceName: string): Promise<PrintOutcome<null>>;
  listPrinters(): Promise<SystemPrinterInfo[]>;
}
