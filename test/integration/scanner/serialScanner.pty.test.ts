/**
 * The serial scanner against a real serialport over a socat pseudo-terminal pair (../shared/reference/hardware.md §5): one end is the
 * "scanner" we write to, the other is opened by createSerialScanner like a USB-CDC scanner.
 */
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSerialScanner, type SerialScanner } from '../../../electron/devices/scanner/serialScanner.ts';
import { SerialScannerSettingsSchema } from '../../../electron/devices/scanner/serialScannerSettings.ts';
import { openPtyPair, type PtyPair } from '../../../electron/devices/scale/socatPtyPair.ts';

async function startPtyPair(): Promise<PtyPair> {
  const opened = await openPtyPair();
  if (!opened.ok) throw new Error(opened.message);
  return opened.pair;
}

function openDevice(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

function write(port: SerialPort, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(Buffer.from(text, 'latin1'), (error) => {
      if (error) reject(error);
      else port.drain(() => resolve());
    });
  });
}

describe('serial scanner over a PTY pair', () => {
  let pty: PtyPair;
  let device: SerialPort;
  let scanner: SerialScanner;

  beforeEach(async () => {
    pty = await startPtyPair();
    device = await openDevice(pty.devicePath);
    scanner = createSerialScanner(SerialScannerSettingsSchema.parse({ identity: { kind: 'path', path: pty.hostPath }, reconnectMs: 100 }));
    await vi.waitFor(() => expect(scanner.status().state).toBe('connected'), { timeout: 5000 });
  });

  afterEach(async () => {
    await scanner.stop();
    if (device.isOpen) await new Promise<void>((r) => device.close(() => r()));
    await pty.close();
  });

  it('delivers CR LF and CR terminated scans, split writes reassembled, GS kept', async () => {
    const scans: string[] = [];
    scanner.onScan((s) => scans.push(s.text));
    await write(device, ']C142078745\u001d9400111206206406260787\r\n');
    await write(device, 'APELAX104');
    await write(device, '0039963\r');
    await write(device, '1Z879E930346834440\r\n');
    await vi.waitFor(() => expect(scans).toHaveLength(3), { timeout: 5000 });
    expect(scans).toEqual([']C142078745\u001d9400111206206406260787', 'APELAX1040039963', '1Z879E930346834440']);
  });

  it('reports the scanner lost when the other end disappears, and keeps it down with a reason while it is gone', async () => {
    const seen: { state: string; label: string; message?: string | undefined }[] = [];
    scanner.onStatus((status) => seen.push(status));
    await pty.close();
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(seen[0]).toMatchObject({ state: expect.stringMatching(/^(disconnected|error)$/), label: `Serial scanner on ${pty.hostPath}` });
    expect(seen[0]?.message).toMatch(/^The scanner connection was lost: \S/);
    // It keeps trying (every 100 ms) while the port is gone, never claims to be connected, and names the port.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.filter((s) => s.state === 'connecting').length).toBeGreaterThanOrEqual(2);
    expect(seen.map((s) => s.state)).not.toContain('connected');
    expect(scanner.status()).toMatchObject({ state: 'disconnected', label: `Serial scanner on ${pty.hostPath}` });
    expect(scanner.status().message).toContain(pty.hostPath);
  });
});
