/**
 * Sends one rendered document to the printer its target names, through the matching transport. A browser-print
 * target cannot be printed by the station: the result is a handoff (a person prints it from the UI).
 */
import { formatOfTarget, type PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import type { RenderedDocument } from './renderDocument.ts';
import type { SystemPrinter } from './systemPrinter.ts';
import { sendToCups } from './transports/cupsTransport.ts';
import type { Delivery } from './transports/delivery.ts';
import { DEFAULT_DEVICE_TIMEOUTS, sendToDevice, type DeviceTimeouts } from './transports/deviceTransport.ts';
import { DEFAULT_TCP_TIMEOUTS, sendZplOverTcp, type TcpTimeouts } from './transports/tcpZplTransport.ts';

export interface PrinterPorts {
  /** Present only in the Electron main process. */
  readonly systemPrinter: SystemPrinter | null;
  readonly tcpTimeouts?: TcpTimeouts;
  readonly deviceTimeouts?: DeviceTimeouts;
  readonly cupsTimeoutMs?: number;
}

export type Dispatch = PrintOutcome<Delivery | 'handoff'>;

export async function sendToPrinter(target: PrinterTarget, doc: RenderedDocument, ports: PrinterPorts): Promise<Dispatch> {
  if (doc.format !== formatOfTarget(target)) {
    return printFail('JOB_DAMAGED', `The job holds ${doc.format.toUpperCase()} but the printer needs ${formatOfTarget(target).toUpperCase()}: retry it to render it again.`);
  }
  switch (target.kind) {
    case 'zpl-tcp':
      return sendZplOverTcp(target, doc.bytes, ports.tcpTimeouts ?? DEFAULT_TCP_TIMEOUTS);
    case 'epl-tcp':
      // The same raw port-9100 stream; an LP/TLP 2844 has no ~HS status to ask for.
      return sendZplOverTcp({ host: target.host, port: target.port, checkStatus: false }, doc.bytes, ports.tcpTimeouts ?? DEFAULT_TCP_TIMEOUTS);
    case 'zpl-device':
    case 'epl-device':
      return sendToDevice(target.path, doc.bytes, ports.deviceTimeouts ?? DEFAULT_DEVICE_TIMEOUTS);
    case 'pdf-cups':
      return sendToCups({ printerName: target.printerName, media: target.media, title: doc.title }, doc.bytes, ports.cupsTimeoutMs);
    case 'pdf-system': {
      if (ports.systemPrinter === null) {
        return printFail('PRINTER_UNAVAILABLE', 'System printers can only be used from the Electron app; in browser mode choose CUPS or the browser print dialog.');
      }
      const printed = await ports.systemPrinter.printHtml(new TextDecoder().decode(doc.bytes), target.deviceName);
      return printed.ok ? printOk({ spoolerJob: null, confirmed: true }) : printed;
    }
    case 'browser-print':
      return printOk('handoff');
  }
}
