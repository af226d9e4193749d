/**
 * A printer written on a command line, as support staff type it:
 *   tcp://192.168.1.50[:9100]  or  192.168.1.50:9100   raw ZPL over TCP (port 9100 by default)
 *   /dev/usb/lp0                                       raw ZPL to a device file
 *   cups:Office_Printer                                PDF through CUPS
 *   epl:192.168.1.60[:9100]  or  epl:/dev/usb/lp0      EPL2 to a Zebra LP/TLP 2844 (TCP 9100 or a device file)
 * The result is checked with PrinterTargetSchema like any other printer setting.
 */
import { PrinterTargetSchema, type PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';

export interface SpecOptions {
  readonly dpi: 203 | 300;
  readonly checkStatus: boolean;
}

export function parsePrinterSpec(spec: string, options: SpecOptions): PrintOutcome<PrinterTarget> {
  let raw: unknown;
  const tcp = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^/:\s]+)(?::(\d{1,5}))?$/.exec(spec);
  const epl = /^epl:(?:(\/.*)|(\[[^\]]+\]|[^/:\s]+)(?::(\d{1,5}))?)$/.exec(spec);
  if (epl !== null) {
    raw = epl[1] !== undefined ? { kind: 'epl-device', path: epl[1] } : { kind: 'epl-tcp', host: (epl[2] ?? '').replace(/^\[|\]$/g, ''), port: Number(epl[3] ?? '9100') };
  } else if (spec.startsWith('/')) raw = { kind: 'zpl-device', path: spec, dpi: options.dpi };
  else if (spec.startsWith('cups:')) raw = { kind: 'pdf-cups', printerName: spec.slice('cups:'.length) };
  else if (tcp !== null && (spec.startsWith('tcp://') || tcp[2] !== undefined || /^[\d.]+$/.test(tcp[1] ?? ''))) {
    raw = { kind: 'zpl-tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port: Number(tcp[2] ?? '9100'), dpi: options.dpi, checkStatus: options.checkStatus };
  } else {
    return printFail('SETTINGS_INVALID', `"${spec}" is not a printer: use tcp://HOST[:PORT], HOST:PORT, /dev/…, cups:QUEUE, epl:HOST[:PORT] or epl:/dev/…`);
  }
  const parsed = PrinterTargetSchema.safeParse(raw);
  return parsed.success ? printOk(parsed.data) : printFail('SETTINGS_INVALID', `"${spec}": ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
