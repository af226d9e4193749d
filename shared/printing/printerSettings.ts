/**
 * Printer setup, validated wherever it crosses a boundary (the UI, the settings row, the CLI).
 *
 * Each document has its own printer (thermal ZPL for the 4×6 relabel, an office printer for return slips is common);
 * the kind of printer decides the format:
 *   zpl-tcp        raw ZPL to a network printer, TCP port 9100 by default          → zpl
 *   zpl-device     raw ZPL written to a device file (/dev/usb/lp0, a serial port)   → zpl
 *   epl-tcp        raw EPL2 to a Zebra LP/TLP 2844 on the network (a print server), port 9100 → epl (203 dpi)
 *   epl-device     raw EPL2 to an LP/TLP 2844 on USB or serial (a device file)      → epl (203 dpi)
 *   pdf-cups       a 4×6 in PDF through CUPS (`lp -d <printerName>`)                 → pdf
 *   pdf-system     Electron silent print to a system printer (deviceName)            → html
 *   browser-print  the browser's print dialog (browser mode); a person confirms     → html
 * `autoPrint` says which documents print by themselves after each verdict.
 */
import { z } from 'zod';
import type { Decision } from '../rules/verdict.ts';
import { DOCUMENT_KINDS, type DocumentKind, type PrintFormat } from './documentKinds.ts';

const Dpi = z.union([z.literal(203), z.literal(300)]);

/** A host name or IPv4/IPv6 literal; no scheme, no path, no spaces. */
const Host = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:\-[\]%]+$/, 'a host name or IP address, e.g. 192.168.1.50');

/** The raw-printing TCP port; 9100 unless the printer or its print server says otherwise. */
const RawPort = z.number().int().min(1).max(65535).default(9100);

/** e.g. /dev/usb/lp0 (USB printer class) or /dev/ttyUSB0 (a serial printer set up with stty beforehand). */
const DevicePath = z.string().trim().min(1).max(260).regex(/^\//, 'an absolute device path such as /dev/usb/lp0');

export const ZplTcpTargetSchema = z.strictObject({
  kind: z.literal('zpl-tcp'),
  host: Host,
  port: RawPort,
  dpi: Dpi,
  /** Ask the printer for its host status (~HS) before each label and hold the job while it reports paper out,
   *  pause or head open. Only for Zebra (or fully compatible) printers: others never answer and would time out. */
  checkStatus: z.boolean().default(false),
});

export const ZplDeviceTargetSchema = z.strictObject({
  kind: z.literal('zpl-device'),
  path: DevicePath,
  dpi: Dpi,
});

/** EPL2 printers (LP/TLP 2844) are 203 dpi and do not answer Zebra's ~HS status query, so neither is a setting. */
export const EplTcpTargetSchema = z.strictObject({
  kind: z.literal('epl-tcp'),
  host: Host,
  port: RawPort,
});

export const EplDeviceTargetSchema = z.strictObject({
  kind: z.literal('epl-device'),
  path: DevicePath,
});

export const PdfCupsTargetSchema = z.strictObject({
  kind: z.literal('pdf-cups'),
  /** The CUPS queue name as `lpstat -p` lists it. */
  printerName: z.string().trim().min(1).max(127).regex(/^[^\s/#]+$/, 'a CUPS queue name (no spaces, "/" or "#")'),
  /** "label": ask CUPS for 4×6 in media (label printers); "default": the printer's paper, document centred. */
  media: z.enum(['label', 'default']).default('label'),
});

export const PdfSystemTargetSchema = z.strictObject({
  kind: z.literal('pdf-system'),
  /** The system printer name as Electron's getPrintersAsync() reports `name` (not the display name). */
  deviceName: z.string().trim().min(1).max(255),
});

export const BrowserPrintTargetSchema = z.strictObject({ kind: z.literal('browser-print') });

export const PrinterTargetSchema = z.discriminatedUnion('kind', [
  ZplTcpTargetSchema,
  ZplDeviceTargetSchema,
  EplTcpTargetSchema,
  EplDeviceTargetSchema,
  PdfCupsTargetSchema,
  PdfSystemTargetSchema,
  BrowserPrintTargetSchema,
]);
export type PrinterTarget = z.infer<typeof PrinterTargetSchema>;
export type PrinterTargetInput = z.input<typeof PrinterTargetSchema>;
export type PrinterKind = PrinterTarget['kind'];
export const PRINTER_KINDS = ['zpl-tcp', 'zpl-device', 'epl-tcp', 'epl-device', 'pdf-cups', 'pdf-system', 'browser-print'] as const satisfies readonly PrinterKind[];

const DocumentList = z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length).refine((l) => new Set(l).size === l.length, 'each document once');

export const AutoPrintSchema = z.strictObject({
  ACCEPT: DocumentList,
  HOLD: DocumentList,
  RETURN: DocumentList,
}) satisfies z.ZodType<Record<Decision, DocumentKind[]>>;
export type AutoPrint = z.infer<typeof AutoPrintSchema>;

export const PrintSettingsSchema = z.strictObject({
  /** The printer for each document; null: not set up (an auto-print of that document is reported, not dropped). */
  printers: z.strictObject({
    relabel: PrinterTargetSchema.nullable(),
    'return-slip': PrinterTargetSchema.nullable(),
  }),
  autoPrint: AutoPrintSchema,
  /** When a printed label or slip becomes void (its verdict changed), print a VOID slip of it too. */
  voidSlip: z.boolean().default(false),
});
export type PrintSettings = z.infer<typeof PrintSettingsSchema>;
export type PrintSettingsInput = z.input<typeof PrintSettingsSchema>;

/** A new station prints nothing until a printer is chosen; once one is, accepted parcels get a relabel and
 *  returned parcels a return slip automatically. Held parcels print nothing by default. */
export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
  printers: { relabel: null, 'return-slip': null },
  autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] },
  voidSlip: false,
};

export function formatOfTarget(target: PrinterTarget): PrintFormat {
  switch (target.kind) {
    case 'zpl-tcp':
    case 'zpl-device':
      return 'zpl';
    case 'epl-tcp':
    case 'epl-device':
      return 'epl';
    case 'pdf-cups':
      return 'pdf';
    case 'pdf-system':
    case 'browser-print':
      return 'html';
  }
}

/** Identifies one physical destination: jobs with the same key are sent in order and wait together. */
export function targetKey(target: PrinterTarget): string {
  switch (target.kind) {
    case 'zpl-tcp':
      return `zpl-tcp:${target.host}:${target.port}`;
    case 'zpl-device':
      return `zpl-device:${target.path}`;
    case 'epl-tcp':
      return `epl-tcp:${target.host}:${target.port}`;
    case 'epl-device':
      return `epl-device:${target.path}`;
    case 'pdf-cups':
      return `pdf-cups:${target.printerName}`;
    case 'pdf-system':
      return `pdf-system:${target.deviceName}`;
    case 'browser-print':
      return 'browser-print';
  }
}

/** One line for people, e.g. "Zebra ZPL 203 dpi at 192.168.1.50:9100". */
export function describeTarget(target: PrinterTarget): string {
  switch (target.kind) {
    case 'zpl-tcp':
      return `ZPL ${target.dpi} dpi at ${target.host}:${target.port}`;
    case 'zpl-device':
      return `ZPL ${target.dpi} dpi on ${target.path}`;
    case 'epl-tcp':
      return `EPL2 (LP/TLP 2844) 203 dpi at ${target.host}:${target.port}`;
    case 'epl-device':
      return `EPL2 (LP/TLP 2844) 203 dpi on ${target.path}`;
    case 'pdf-cups':
      return `PDF to CUPS printer ${target.printerName}${target.media === 'label' ? ' (4×6 in media)' : ''}`;
    case 'pdf-system':
      return `System printer ${target.deviceName}`;
    case 'browser-print':
      return "Browser's print dialog";
  }
}

export function decisionDocuments(settings: PrintSettings, decision: Decision): readonly DocumentKind[] {
  return settings.autoPrint[decision];
}

