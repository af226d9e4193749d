/**
 * The printer setup form's state for one document: every field as the person typed it, turned into a checked
 * PrinterTarget (PrinterTargetSchema) only when saved or tested. Pure, so it is tested without a browser.
 */
import { PRINTER_KINDS, PrinterTargetSchema, type PrinterKind, type PrinterTarget } from '../../shared/printing/printerSettings.ts';

export type FormKind = PrinterKind | 'none';
export const FORM_KINDS: readonly FormKind[] = ['none', ...PRINTER_KINDS];

export const KIND_LABELS: Readonly<Record<FormKind, string>> = {
  none: 'No printer',
  'zpl-tcp': 'Label printer on the network (ZPL, TCP 9100)',
  'zpl-device': 'Label printer on USB or serial (ZPL, device file)',
  'epl-tcp': 'Zebra LP/TLP 2844 on the network (EPL2, TCP 9100)',
  'epl-device': 'Zebra LP/TLP 2844 on USB or serial (EPL2, device file)',
  'pdf-cups': 'Printer set up in CUPS (PDF)',
  'pdf-system': 'System printer (Electron app, silent)',
  'browser-print': "Browser's print dialog",
};

export interface PrinterForm {
  readonly kind: FormKind;
  readonly host: string;
  readonly port: string;
  readonly dpi: '203' | '300';
  readonly checkStatus: boolean;
  readonly path: string;
  readonly printerName: string;
  readonly media: 'label' | 'default';
  readonly deviceName: string;
}

export const EMPTY_FORM: PrinterForm = {
  kind: 'none', host: '', port: '9100', dpi: '203', checkStatus: false, path: '/dev/usb/lp0', printerName: '', media: 'label', deviceName: '',
};

export function formFromTarget(target: PrinterTarget | null): PrinterForm {
  if (target === null) return EMPTY_FORM;
  switch (target.kind) {
    case 'zpl-tcp':
      return { ...EMPTY_FORM, kind: target.kind, host: target.host, port: String(target.port), dpi: target.dpi === 300 ? '300' : '203', checkStatus: target.checkStatus };
    case 'zpl-device':
      return { ...EMPTY_FORM, kind: target.kind, path: target.path, dpi: target.dpi === 300 ? '300' : '203' };
    case 'epl-tcp':
      return { ...EMPTY_FORM, kind: target.kind, host: target.host, port: String(target.port), dpi: '203' };
    case 'epl-device':
      return { ...EMPTY_FORM, kind: target.kind, path: target.path, dpi: '203' };
    case 'pdf-cups':
      return { ...EMPTY_FORM, kind: target.kind, printerName: target.printerName, media: target.media };
    case 'pdf-system':
      return { ...EMPTY_FORM, kind: target.kind, deviceName: target.deviceName };
    case 'browser-print':
      return { ...EMPTY_FORM, kind: target.kind };
  }
}

export type FormResult = { readonly ok: true; readonly target: PrinterTarget | null } | { readonly ok: false; readonly message: string };

/** The checked printer for a form, null for "No printer", or what is wrong in words. */
export function targetFromForm(form: PrinterForm): FormResult {
  if (form.kind === 'none') return { ok: true, target: null };
  const dpi = form.dpi === '300' ? 300 : 203;
  const port = /^\d+$/.test(form.port.trim()) ? Number(form.port) : form.port;
  const raw =
    form.kind === 'zpl-tcp' ? { kind: form.kind, host: form.host, port, dpi, checkStatus: form.checkStatus }
    : form.kind === 'zpl-device' ? { kind: form.kind, path: form.path, dpi }
    : form.kind === 'epl-tcp' ? { kind: form.kind, host: form.host, port }
    : form.kind === 'epl-device' ? { kind: form.kind, path: form.path }
    : form.kind === 'pdf-cups' ? { kind: form.kind, printerName: form.printerName, media: form.media }
    : form.kind === 'pdf-system' ? { kind: form.kind, deviceName: form.deviceName }
    : { kind: form.kind };
  const parsed = PrinterTargetSchema.safeParse(raw);
  if (parsed.success) return { ok: true, target: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const names: Record<string, string> = { host: 'Address', port: 'Port', path: 'Device', printerName: 'CUPS printer', deviceName: 'System printer', dpi: 'Resolution' };
  return { ok: false, message: `${names[field] ?? field}: ${issue?.message ?? 'invalid'}` };
}
