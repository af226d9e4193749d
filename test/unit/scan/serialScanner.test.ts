/** The serial scanner over an in-memory link: framing, status, reconnects, stop. */
import { describe, expect, it, vi } from 'vitest';
import type { ListedPort } from '../../../electron/devices/scale/listedPort.ts';
import type { SerialCloseReason, SerialLink, SerialLinkOpener, SerialOpenResult } from '../../../electron/devices/scale/serialLink.ts';
import type { ScannerDeviceStatus, SerialScan } from '../../../electron/devices/scanner/scannerStatus.ts';
import { createSerialScanner } from '../../../electron/devices/scanner/serialScanner.ts';
import { serialScannerSettingsFromSpec, SerialScannerSettingsSchema } from '../../../electron/devices/scanner/serialScannerSettings.ts';

interface FakeLink extends SerialLink {
  send(text: string): void;
  drop(reason: SerialCloseReason): void;
  closed: boolean;
}

function fakeLink(path: string): FakeLink {
  const data: Array<(chunk: Uint8Array, at: number) => void> = [];
  const closes: Array<(reason: SerialCloseReason, message: string) => void> = [];
  const link: FakeLink = {
    path,
    closed: false,
    write: () => undefined,
    onData: (l) => void data.push(l),
    onClose: (l) => void closes.push(l),
    close: async () => {
      link.closed = true;
      for (const l of closes) l('closed', 'closed');
    },
    send: (text) => {
      for (const l of data) l(Uint8Array.from(text, (c) => c.charCodeAt(0)), 1_700_000_000_000);
    },
    drop: (reason) => {
      link.closed = true;
      for (const l of closes) l(reason, 'device gone');
    },
  };
  return link;
}

function opener(results: Array<SerialOpenResult | 'link'>): { open: SerialLinkOpener; links: FakeLink[]; paths: string[] } {
  const links: FakeLink[] = [];
  const paths: string[] = [];
  const open: SerialLinkOpener = async (path) => {
    paths.push(path);
    const next = results.shift() ?? 'link';
    if (next !== 'link') return next;
    const link = fakeLink(path);
    links.push(link);
    return { ok: true, link };
  };
  return { open, links, paths };
}

const settings = SerialScannerSettingsSchema.parse({ identity: { kind: 'path', path: '/dev/ttyACM0' }, reconnectMs: 50 });

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  }, { timeout: 2000, interval: 5 });
}

describe('createSerialScanner', () => {
  it('emits one scan per CR / CR LF line, GS kept, and reports connected', async () => {
    const o = opener(['link']);
    const scanner = createSerialScanner(settings, { openLink: o.open });
    const scans: SerialScan[] = [];
    scanner.onScan((s) => scans.push(s));
    await until(() => scanner.status().state === 'connected');
    o.links[0]?.send(']C142078745\u001d9400111206206406260787\r\nAPELAX10400');
    o.links[0]?.send('39963\r');
    expect(scans).toEqual([
      { text: ']C142078745\u001d9400111206206406260787', source: 'serial', at: 1_700_000_000_000 },
      { text: 'APELAX1040039963', source: 'serial', at: 1_700_000_000_000 },
    ]);
    expect(scanner.status()).toEqual({ state: 'connected', label: 'Serial scanner on /dev/ttyACM0' });
    await scanner.stop();
  });

  it('says so when data arrives without line ends, and clears the message on the next good scan', async () => {
    const o = opener(['link']);
    const scanner = createSerialScanner({ ...settings, maxLineLength: 16 }, { openLink: o.open });
    await until(() => scanner.status().state === 'connected');
    o.links[0]?.send('x'.repeat(40) + '\r');
    expect(scanner.status().message).toMatch(/suffix to CR or CR LF/);
    o.links[0]?.send('APELAX1040039963\r');
    expect(scanner.status().message).toBeUndefined();
    await scanner.stop();
  });

  it('retries while the port cannot be opened, then connects', async () => {
    const o = opener([{ ok: false, problem: 'notFound', message: 'ENOENT' }, { ok: false, problem: 'busy', message: 'EBUSY' }, 'link']);
    const scanner = createSerialScanner(settings, { openLink: o.open });
    const states: ScannerDeviceStatus['state'][] = [];
    scanner.onStatus((s) => states.push(s.state));
    await until(() => scanner.status().state === 'connected');
    expect(o.paths).toHaveLength(3);
    expect(states).toContain('disconnected');
    expect(states).toContain('error');
    await scanner.stop();
  });

  it('reconnects after the scanner is unplugged', async () => {
    const o = opener(['link', 'link']);
    const scanner = createSerialScanner(settings, { openLink: o.open });
    const scans: string[] = [];
    scanner.onScan((s) => scans.push(s.text));
    await until(() => scanner.status().state === 'connected');
    o.links[0]?.drop('unplugged');
    expect(scanner.status().state).toBe('disconnected');
    await until(() => o.links.length === 2 && scanner.status().state === 'connected');
    o.links[1]?.send('TBA000000000000\r');
    expect(scans).toEqual(['TBA000000000000']);
    await scanner.stop();
  });

  it('finds a USB scanner by identity among listed ports', async () => {
    const o = opener(['link']);
    const ports: ListedPort[] = [
      { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', source: 'os' },
      { path: '/dev/ttyACM3', vendorId: '0c2e', productId: '0b61', serialNumber: 'S1', source: 'os' },
    ];
    const usb = SerialScannerSettingsSchema.parse({ identity: { kind: 'usb', vendorId: '0c2e', productId: '0b61', serialNumber: 'S1' } });
    const scanner = createSerialScanner(usb, { openLink: o.open, listPorts: async () => ports });
    await until(() => scanner.status().state === 'connected');
    expect(o.paths).toEqual(['/dev/ttyACM3']);
    await scanner.stop();
  });

  it('reports a missing USB scanner as disconnected', async () => {
    const o = opener([]);
    const usb = SerialScannerSettingsSchema.parse({ identity: { kind: 'usb', vendorId: '0c2e', productId: '0b61' }, reconnectMs: 1000 });
    const scanner = createSerialScanner(usb, { openLink: o.open, listPorts: async () => [] });
    await until(() => scanner.status().state === 'disconnected');
    expect(scanner.status().message).toBe('The scanner is not plugged in.');
    expect(o.paths).toEqual([]);
    await scanner.stop();
  });

  it('stop closes the port, stops reconnecting and emits nothing more', async () => {
    const o = opener(['link']);
    const scanner = createSerialScanner(settings, { openLink: o.open });
    const scans: string[] = [];
    scanner.onScan((s) => scans.push(s.text));
    await until(() => scanner.status().state === 'connected');
    const link = o.links[0];
    await scanner.stop();
    expect(link?.closed).toBe(true);
    link?.send('APELAX1040039963\r');
    expect(scans).toEqual([]);
    expect(scanner.status()).toMatchObject({ state: 'disconnected', message: 'Stopped.' });
    await new Promise((r) => setTimeout(r, 120));
    expect(o.paths).toHaveLength(1);
  });
});

describe('serial scanner settings', () => {
  it('default to 9600 8N1 and parse a serial: spec', () => {
    expect(serialScannerSettingsFromSpec('serial:/dev/ttyACM0')).toEqual({
      identity: { kind: 'path', path: '/dev/ttyACM0' },
      line: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      reconnectMs: 2000,
      maxLineLength: 200,
    });
    expect(serialScannerSettingsFromSpec('wedge')).toBeNull();
  });
});
