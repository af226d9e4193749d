import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRINT_SETTINGS, PrintSettingsSchema, PrinterTargetSchema, describeTarget, formatOfTarget, targetKey,
} from '../../../shared/printing/printerSettings.ts';
import { DEFAULT_PRINT_RETRY, printRetryDelayMs } from '../../../shared/printing/printRetry.ts';
import { notReadyReason, parseHostStatus } from '../../../shared/printing/zebraHostStatus.ts';

describe('printer settings schema', () => {
  it('fills the raw port and the status check, maps kinds to formats', () => {
    const t = PrinterTargetSchema.parse({ kind: 'zpl-tcp', host: '192.168.1.50', dpi: 203 });
    expect(t).toEqual({ kind: 'zpl-tcp', host: '192.168.1.50', port: 9100, dpi: 203, checkStatus: false });
    expect(formatOfTarget(t)).toBe('zpl');
    expect(targetKey(t)).toBe('zpl-tcp:192.168.1.50:9100');
    expect(describeTarget(t)).toBe('ZPL 203 dpi at 192.168.1.50:9100');
    expect(formatOfTarget(PrinterTargetSchema.parse({ kind: 'pdf-cups', printerName: 'Office' }))).toBe('pdf');
    expect(formatOfTarget(PrinterTargetSchema.parse({ kind: 'pdf-system', deviceName: 'Brother_QL_820NWB' }))).toBe('html');
    expect(formatOfTarget(PrinterTargetSchema.parse({ kind: 'browser-print' }))).toBe('html');
  });

  it('EPL2 printers (LP/TLP 2844): port 9100 by default, 203 dpi, EPL format, their own queue key', () => {
    const tcp = PrinterTargetSchema.parse({ kind: 'epl-tcp', host: '192.168.1.60' });
    expect(tcp).toEqual({ kind: 'epl-tcp', host: '192.168.1.60', port: 9100 });
    expect(formatOfTarget(tcp)).toBe('epl');
    expect(targetKey(tcp)).toBe('epl-tcp:192.168.1.60:9100');
    expect(describeTarget(tcp)).toBe('EPL2 (LP/TLP 2844) 203 dpi at 192.168.1.60:9100');
    const device = PrinterTargetSchema.parse({ kind: 'epl-device', path: '/dev/usb/lp1' });
    expect(formatOfTarget(device)).toBe('epl');
    expect(targetKey(device)).toBe('epl-device:/dev/usb/lp1');
    expect(describeTarget(device)).toBe('EPL2 (LP/TLP 2844) 203 dpi on /dev/usb/lp1');
  });

  it('refuses what would break a transport', () => {
    for (const bad of [
      { kind: 'zpl-tcp', host: 'http://printer/', dpi: 203 },
      { kind: 'zpl-tcp', host: 'printer', dpi: 600 },
      { kind: 'zpl-tcp', host: 'printer', port: 70000, dpi: 203 },
      { kind: 'zpl-device', path: 'usb/lp0', dpi: 203 },
      { kind: 'epl-tcp', host: 'printer', dpi: 203 },
      { kind: 'epl-tcp', host: 'printer', checkStatus: true },
      { kind: 'epl-device', path: 'usb/lp0' },
      { kind: 'pdf-cups', printerName: 'Office Printer' },
      { kind: 'pdf-cups', printerName: '-o evil' , extra: 1 },
      { kind: 'laser' },
    ]) {
      expect(PrinterTargetSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('per-verdict auto-print lists each document once', () => {
    expect(PrintSettingsSchema.parse(DEFAULT_PRINT_SETTINGS)).toEqual(DEFAULT_PRINT_SETTINGS);
    expect(PrintSettingsSchema.safeParse({ ...DEFAULT_PRINT_SETTINGS, autoPrint: { ACCEPT: ['relabel', 'relabel'], HOLD: [], RETURN: [] } }).success).toBe(false);
    expect(PrintSettingsSchema.safeParse({ ...DEFAULT_PRINT_SETTINGS, autoPrint: { ACCEPT: [], HOLD: [] } }).success).toBe(false);
  });
});

describe('retry backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map((n) => printRetryDelayMs(n, DEFAULT_PRINT_RETRY))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(printRetryDelayMs(0, DEFAULT_PRINT_RETRY)).toBe(1000);
  });
});

describe('Zebra ~HS host status', () => {
  const frame = (line: string) => `\u0002${line}\u0003\r\n`;
  const answer = (l1: string, l2: string) => frame(l1) + frame(l2) + frame('1234,0');

  it('reads a ready printer', () => {
    const s = parseHostStatus(answer('030,0,0,1218,000,0,0,0,000,0,0,0', '000,0,0,0,0,2,4,0,00000000,1,000'));
    expect(s).toMatchObject({ paperOut: false, paused: false, headUp: false });
    expect(notReadyReason(s!)).toBeNull();
  });

  it('names paper out, pause and an open head', () => {
    const s = parseHostStatus(answer('030,1,1,1218,000,0,0,0,000,0,0,0', '000,0,1,0,0,2,4,0,00000000,1,000'));
    expect(notReadyReason(s!)).toBe('The printer reports: out of labels, print head open, paused.');
  });

  it('ignores ribbon out on a direct-thermal printer', () => {
    const s = parseHostStatus(answer('030,0,0,1218,000,0,0,0,000,0,0,0', '000,0,0,1,0,2,4,0,00000000,1,000'));
    expect(notReadyReason(s!)).toBeNull();
    const tt = parseHostStatus(answer('030,0,0,1218,000,0,0,0,000,0,0,0', '000,0,0,1,1,2,4,0,00000000,1,000'));
    expect(notReadyReason(tt!)).toMatch(/ribbon out/);
  });

  it('refuses what is not a complete ~HS answer', () => {
    expect(parseHostStatus(frame('030,0,0,1218,000,0,0,0,000,0,0,0'))).toBeNull();
    expect(parseHostStatus(answer('x,y', '000,0,0,0,0,2,4,0,00000000,1,000'))).toBeNull();
    expect(parseHostStatus('garbage')).toBeNull();
  });
});
