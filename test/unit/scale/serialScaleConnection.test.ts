/**
 * The serial connection's state machine, with a fake port listing and fake links (the real serialport binding over
 * PTYs is covered by test/integration/scale).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ListedPort } from '../../../electron/devices/scale/listedPort.ts';
import type { ScaleSource } from '../../../electron/devices/scale/scaleSource.ts';
import { createSerialScaleConnection } from '../../../electron/devices/scale/serialScaleConnection.ts';
import type { ScaleDeviceStatus, ScaleReading } from '../../../shared/scale/reading.ts';
import { LINE_9600_7E1 } from '../../../shared/scale/lineSettings.ts';
import { createScaleModel } from '../../../shared/scale/simulation/scaleModel.ts';
import { createResponder } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { fakeOpener, waitUntil } from './fakeSerialLine.ts';
import { mass } from './scaleTestHelpers.ts';

const IDENTITY = { kind: 'usb', vendorId: '1a86', productId: '7523', serialNumber: 'A1' } as const;
const port = (path: string, serialNumber = 'A1'): ListedPort => ({ path, vendorId: '1a86', productId: '7523', serialNumber, source: 'os' });

function nciScale() {
  const model = createScaleModel({ motionMs: 0 });
  model.place(mass('3.25', 'lb'), -1);
  return { responder: createResponder(model, { protocol: 'nci', shape: 'scp01' }), line: LINE_9600_7E1 };
}

let source: ScaleSource | null = null;
afterEach(async () => {
  await source?.stop();
  source = null;
});

function start(listed: () => ListedPort[], opener: ReturnType<typeof fakeOpener>, noAnswerMs = 2000) {
  const statuses: ScaleDeviceStatus[] = [];
  const readings: ScaleReading[] = [];
  source = createSerialScaleConnection({
    identity: IDENTITY,
    protocol: { protocol: 'nci' },
    line: LINE_9600_7E1,
    listPorts: async () => listed(),
    openLink: opener,
    rescanMs: 20,
    noAnswerMs,
    timing: { pollIntervalMs: 20, replyTimeoutMs: 100 },
  });
  source.onStatus((s) => statuses.push(s));
  source.onReading((r) => readings.push(r));
  return { source, statuses, readings };
}

describe('serial scale connection', () => {
  it('reports notFound until the remembered device is listed, then connects and delivers readings', async () => {
    let ports: ListedPort[] = [port('/dev/ttyUSB0', 'OTHER')];
    const { source: s, statuses, readings } = start(() => ports, fakeOpener(nciScale()));
    await waitUntil(() => s.status().problem === 'notFound', 2000, 'notFound');
    expect(s.status().state).toBe('disconnected');
    ports = [...ports, port('/dev/ttyUSB1')];
    await waitUntil(() => readings.length > 0, 2000, 'a reading');
    expect(s.status()).toEqual({ state: 'connected', protocol: 'nci', label: 'NCI (Weigh-Tronix / Avery / Brecknell) on /dev/ttyUSB1' });
    expect(readings[0]).toMatchObject({ value: mass('3.25', 'lb'), status: 'stable' });
    expect(statuses.map((x) => x.state)).toContain('connecting');
  });

  it('reconnects after an unplug even when the device comes back under another path', async () => {
    let ports: ListedPort[] = [port('/dev/ttyUSB0')];
    const opener = fakeOpener(nciScale());
    const { source: s, readings } = start(() => ports, opener);
    await waitUntil(() => s.status().state === 'connected', 2000, 'connected');
    ports = [];
    opener.unplugAll();
    await waitUntil(() => s.status().problem === 'unplugged', 2000, 'unplugged');
    expect(s.status().state).toBe('disconnected');
    const before = readings.length;
    ports = [port('/dev/ttyUSB3')];
    await waitUntil(() => s.status().state === 'connected' && readings.length > before, 2000, 'reconnected');
    expect(opener.paths).toEqual(['/dev/ttyUSB0', '/dev/ttyUSB3']);
    expect(s.diagnostics().reconnects).toBe(1);
  });

  it('refuses to guess between two matching ports when the saved identity has no serial number', async () => {
    const statuses: ScaleDeviceStatus[] = [];
    source = createSerialScaleConnection({
      identity: { kind: 'usb', vendorId: '1a86', productId: '7523' },
      protocol: { protocol: 'nci' },
      line: LINE_9600_7E1,
      listPorts: async () => [port('/dev/ttyUSB0', 'A'), port('/dev/ttyUSB1', 'B')],
      openLink: fakeOpener(nciScale()),
      rescanMs: 20,
    });
    source.onStatus((st) => statuses.push(st));
    await waitUntil(() => source?.status().problem === 'ambiguous', 2000, 'ambiguous');
    expect(source.status().state).toBe('error');
  });

  it('reports permission problems as such and connects once the port can be opened', async () => {
    const opener = fakeOpener(nciScale(), { problem: 'permissionDenied', message: 'EACCES: permission denied, open /dev/ttyUSB0' });
    const { source: s } = start(() => [port('/dev/ttyUSB0')], opener);
    await waitUntil(() => s.status().problem === 'permissionDenied', 2000, 'permissionDenied');
    expect(s.status().message).toContain('EACCES');
    opener.failWith(null);
    await waitUntil(() => s.status().state === 'connected', 2000, 'connected');
  });

  it('reports noAnswer when the port opens but nothing valid comes back', async () => {
    const { source: s } = start(() => [port('/dev/ttyUSB0')], fakeOpener(null), 150);
    await waitUntil(() => s.status().problem === 'noAnswer', 2000, 'noAnswer');
    expect(s.status().state).toBe('error');
  });

  it('reopens a port that went silent without reporting a close, showing noAnswer meanwhile', async () => {
    const opener = fakeOpener(nciScale());
    const { source: s, statuses } = start(() => [port('/dev/ttyUSB0')], opener, 150);
    await waitUntil(() => s.status().state === 'connected', 2000, 'connected');
    opener.freezeAll();
    await waitUntil(() => opener.paths.length === 2, 3000, 'a quiet reopen');
    await waitUntil(() => s.status().state === 'connected', 2000, 'connected again');
    const afterFreeze = statuses.slice(statuses.findIndex((x) => x.problem === 'noAnswer'));
    expect(afterFreeze.map((x) => x.state)).toEqual(['error', 'connected']);
  });

  it('emits nothing after stop() and closes the port', async () => {
    const { source: s, readings } = start(() => [port('/dev/ttyUSB0')], fakeOpener(nciScale()));
    await waitUntil(() => readings.length > 0, 2000, 'a reading');
    await s.stop();
    const count = readings.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(readings.length).toBe(count);
    expect(s.status()).toMatchObject({ state: 'disconnected', message: 'Stopped' });
  });
});
