import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PrintQueueList } from '../../../renderer/printing/PrintQueueList.tsx';
import { PrinterSetupPanel } from '../../../renderer/printing/PrinterSetupPanel.tsx';
import { EMPTY_FORM, formFromTarget, targetFromForm } from '../../../renderer/printing/printerForm.ts';
import { parsePrinterSpec } from '../../../electron/printing/printerSpec.ts';
import type { PrintJobView, PrintQueueStatus } from '../../../shared/printing/printJob.ts';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../../../shared/printing/printerSettings.ts';

const noop = () => undefined;

describe('printer form', () => {
  it('round-trips every kind of printer', () => {
    const targets = [
      { kind: 'zpl-tcp', host: '10.0.0.7', port: 9101, dpi: 300, checkStatus: true },
      { kind: 'zpl-device', path: '/dev/usb/lp0', dpi: 203 },
      { kind: 'epl-tcp', host: '10.0.0.8', port: 9100 },
      { kind: 'epl-device', path: '/dev/usb/lp1' },
      { kind: 'pdf-cups', printerName: 'Office', media: 'default' },
      { kind: 'pdf-system', deviceName: 'Brother_QL_820NWB' },
      { kind: 'browser-print' },
    ] as const;
    for (const t of targets) expect(targetFromForm(formFromTarget(t))).toEqual({ ok: true, target: t });
    expect(targetFromForm(EMPTY_FORM)).toEqual({ ok: true, target: null });
  });

  it('says which field is wrong, in words', () => {
    expect(targetFromForm({ ...EMPTY_FORM, kind: 'zpl-tcp', host: '', port: '9100' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Address:/) });
    expect(targetFromForm({ ...EMPTY_FORM, kind: 'zpl-tcp', host: 'p1', port: 'abc' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Port:/) });
    expect(targetFromForm({ ...EMPTY_FORM, kind: 'epl-tcp', host: 'p1', port: '0' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Port:/) });
    expect(targetFromForm({ ...EMPTY_FORM, kind: 'epl-device', path: 'lp0' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Device:/) });
    expect(targetFromForm({ ...EMPTY_FORM, kind: 'pdf-cups', printerName: 'Has space' })).toMatchObject({ ok: false, message: expect.stringMatching(/^CUPS printer:/) });
  });
});

describe('printer spec on the command line', () => {
  it('reads TCP, device and CUPS printers', () => {
    const opts = { dpi: 203, checkStatus: false } as const;
    expect(parsePrinterSpec('192.168.1.50', opts)).toMatchObject({ ok: true, value: { kind: 'zpl-tcp', host: '192.168.1.50', port: 9100 } });
    expect(parsePrinterSpec('tcp://zebra-dock3:9101', opts)).toMatchObject({ ok: true, value: { kind: 'zpl-tcp', host: 'zebra-dock3', port: 9101 } });
    expect(parsePrinterSpec('printer.local:9100', opts)).toMatchObject({ ok: true, value: { host: 'printer.local' } });
    expect(parsePrinterSpec('/dev/usb/lp0', { dpi: 300, checkStatus: false })).toMatchObject({ ok: true, value: { kind: 'zpl-device', dpi: 300 } });
    expect(parsePrinterSpec('cups:Office', opts)).toMatchObject({ ok: true, value: { kind: 'pdf-cups', printerName: 'Office', media: 'label' } });
    expect(parsePrinterSpec('epl:192.168.1.60', opts)).toMatchObject({ ok: true, value: { kind: 'epl-tcp', host: '192.168.1.60', port: 9100 } });
    expect(parsePrinterSpec('epl:lp2844-dock:9101', opts)).toMatchObject({ ok: true, value: { kind: 'epl-tcp', host: 'lp2844-dock', port: 9101 } });
    expect(parsePrinterSpec('epl:/dev/usb/lp1', opts)).toMatchObject({ ok: true, value: { kind: 'epl-device', path: '/dev/usb/lp1' } });
    expect(parsePrinterSpec('epl:', opts)).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } });
    expect(parsePrinterSpec('zebra', opts)).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } });
    expect(parsePrinterSpec('cups:', opts)).toMatchObject({ ok: false });
  });
});

describe('PrinterSetupPanel (server-rendered markup)', () => {
  const settings: PrintSettings = {
    printers: { relabel: { kind: 'zpl-tcp', host: '192.168.1.50', port: 9100, dpi: 203, checkStatus: false }, 'return-slip': null },
    autoPrint: DEFAULT_PRINT_SETTINGS.autoPrint,
    voidSlip: false,
  };
  const html = renderToStaticMarkup(createElement(PrinterSetupPanel, {
    settings, printers: { cups: ['Office', 'Warehouse_Laser'], system: null }, onSave: noop, onTest: noop,
    lastTest: { document: 'relabel', ok: false, message: 'PRINTER_OFFLINE: No answer from the printer at 192.168.1.50:9100' },
  }));

  it('shows each document with its printer, and tests only a printer that is set up', () => {
    expect(html).toContain('Relabel (ECMS waybill label)');
    expect(html).toContain('value="192.168.1.50"');
    expect(html).toContain('ZPL 203 dpi at 192.168.1.50:9100');
    expect(html).toMatch(/data-testid="printer-relabel-test">Print test label/);
    expect(html).toMatch(/disabled="" data-testid="printer-return-slip-test"/);
    expect(html).toContain('PRINTER_OFFLINE: No answer');
  });

  it('shows the per-verdict auto-print choices', () => {
    expect(html).toMatch(/data-testid="auto-ACCEPT-relabel" checked=""/);
    expect(html).toMatch(/data-testid="auto-RETURN-return-slip" checked=""/);
    expect(html).not.toMatch(/data-testid="auto-HOLD-[a-z-]+" checked/);
    expect(html).not.toMatch(/data-testid="auto-ACCEPT-return-slip" checked/);
  });
});

describe('PrinterSetupPanel with an LP/TLP 2844 (EPL2)', () => {
  const settings: PrintSettings = {
    printers: { relabel: { kind: 'epl-tcp', host: '192.168.1.60', port: 9100 }, 'return-slip': { kind: 'epl-device', path: '/dev/usb/lp1' } },
    autoPrint: DEFAULT_PRINT_SETTINGS.autoPrint,
    voidSlip: false,
  };
  const html = renderToStaticMarkup(createElement(PrinterSetupPanel, { settings, printers: { cups: null, system: null }, onSave: noop, onTest: noop }));

  it('offers the EPL2 printers, shows their address or device without a resolution choice, and can test them', () => {
    expect(html).toContain('<option value="epl-tcp" selected="">Zebra LP/TLP 2844 on the network (EPL2, TCP 9100)</option>');
    expect(html).toContain('<option value="epl-device" selected="">Zebra LP/TLP 2844 on USB or serial (EPL2, device file)</option>');
    expect(html).toContain('value="192.168.1.60"');
    expect(html).toContain('value="/dev/usb/lp1"');
    expect(html).not.toContain('data-testid="printer-relabel-dpi"');
    expect(html).toContain('EPL2 (LP/TLP 2844) 203 dpi at 192.168.1.60:9100');
    expect(html).toMatch(/data-testid="printer-relabel-test">Print test label/);
    expect(html).toMatch(/data-testid="printer-return-slip-test">Print test label/);
  });
});

describe('PrintQueueList (server-rendered markup)', () => {
  const job = (over: Partial<PrintJobView>): PrintJobView => ({
    jobId: 'j1', intakeId: 'i1', document: 'relabel', format: 'zpl', copy: 1, reason: 'auto', subject: 'APELAX1040039963',
    printer: 'ZPL 203 dpi at 192.168.1.50:9100', state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null,
    createdAt: 1_000, updatedAt: 1_000, doneAt: null, voided: null, mark: null, voidsJobId: null, ...over,
  });
  const status: PrintQueueStatus = {
    counts: { queued: 1, sending: 0, handoff: 1, done: 1, failed: 1 },
    jobs: [
      job({ jobId: 'q', attempts: 3, nextAttemptAt: 9_000, lastError: { code: 'PRINTER_OFFLINE', message: 'The printer at 192.168.1.50:9100 is not reachable.' } }),
      job({ jobId: 'f', state: 'failed', lastError: { code: 'NO_PRINTER', message: 'No printer is set up for the return-slip.' }, document: 'return-slip' }),
      job({ jobId: 'h', state: 'handoff', format: 'html' }),
      job({ jobId: 'd', state: 'done', copy: 2, doneAt: 2_000 }),
    ],
    damaged: [{ jobId: 'x', problem: 'bad' }],
  };
  const html = renderToStaticMarkup(createElement(PrintQueueList, { status, now: 4_000, onRetry: noop, onReprint: noop, onBrowserPrint: noop, onConfirmPrinted: noop, formatTime: () => 'T' }));

  it('shows waiting jobs with why and when, and the right button for each', () => {
    expect(html).toContain('data-testid="print-waiting">3 waiting');
    expect(html).toContain('tried 3 times');
    expect(html).toContain('next try in 5 s');
    expect(html).toMatch(/data-job-id="q" data-state="queued">[\s\S]*?data-testid="print-retry"/);
    expect(html).toMatch(/data-job-id="f" data-state="failed">[\s\S]*?data-code="NO_PRINTER"[\s\S]*?data-testid="print-retry"/);
    expect(html).toMatch(/data-job-id="h" data-state="handoff">[\s\S]*?data-testid="print-browser"[\s\S]*?data-testid="print-confirm"/);
    expect(html).toMatch(/data-job-id="d" data-state="done">[\s\S]*?\(reprint 1\)[\s\S]*?data-testid="print-reprint"/);
    expect(html).toContain('data-testid="print-damaged"');
  });
});
