import { afterEach, describe, expect, it } from 'vitest';
import type { HidApi, HidDeviceInfo, HidHandle } from '../../../electron/devices/scale/hidApi.ts';
import { createHidScaleConnection } from '../../../electron/devices/scale/hidScaleConnection.ts';
import type { ScaleSource } from '../../../electron/devices/scale/scaleSource.ts';
import type { ScaleReading } from '../../../shared/scale/reading.ts';
import { waitUntil } from './fakeSerialLine.ts';
import { mass } from './scaleTestHelpers.ts';

/** A fake node-hid with one Dymo M10 (0922:8003) that can be unplugged and plugged back. */
function fakeHid() {
  let present = true;
  let handle: { data: (d: Buffer) => void; error: (e: Error) => void } | null = null;
  const opens: string[] = [];
  const dymo: HidDeviceInfo = { vendorId: 0x0922, productId: 0x8003, path: '/dev/hidraw3', serialNumber: 'D1', usagePage: 0x8d, manufacturer: 'DYMO', product: 'M10' };
  const keyboard: HidDeviceInfo = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', usagePage: 0x01 };
  const api: HidApi = {
    devices: async () => (present ? [keyboard, dymo] : [keyboard]),
    async open(path) {
      opens.push(path);
      const listeners = { data: (_: Buffer) => undefined as void, error: (_: Error) => undefined as void };
      const h: HidHandle = {
        on(event: 'data' | 'error', listener: ((d: Buffer) => void) | ((e: Error) => void)) {
          if (event === 'data') listeners.data = listener as (d: Buffer) => void;
          else listeners.error = listener as (e: Error) => void;
        },
        close: async () => undefined,
      };
      handle = { data: (d) => listeners.data(d), error: (e) => listeners.error(e) };
      return h;
    },
  };
  return {
    api,
    opens,
    report: (bytes: number[]) => handle?.data(Buffer.from(bytes)),
    unplug() {
      present = false;
      handle?.error(new Error('could not read from HID device'));
      handle = null;
    },
    plug() {
      present = true;
    },
  };
}

let source: ScaleSource | null = null;
afterEach(async () => {
  await source?.stop();
  source = null;
});

describe('HID scale connection', () => {
  it('connects to the matching usage-page 0x8D device, drops the stale first report, and reads the rest', async () => {
    const hid = fakeHid();
    const readings: ScaleReading[] = [];
    source = createHidScaleConnection({ vendorId: '0922', productId: '8003', hid: hid.api, rescanMs: 20 });
    source.onReading((r) => readings.push(r));
    await waitUntil(() => source?.status().state === 'connected', 2000, 'connected');
    expect(hid.opens).toEqual(['/dev/hidraw3']);
    hid.report([3, 4, 11, 0xff, 0x99, 0x00]); // stale: discarded
    hid.report([3, 4, 11, 0xff, 0x31, 0x00]);
    expect(readings.map((r) => r.value)).toEqual([mass('4.9', 'oz')]);
  });

  it('reports the unplug and reopens the device when it comes back', async () => {
    const hid = fakeHid();
    source = createHidScaleConnection({ vendorId: '0922', productId: '8003', serialNumber: 'D1', hid: hid.api, rescanMs: 20 });
    await waitUntil(() => source?.status().state === 'connected', 2000, 'connected');
    hid.unplug();
    expect(source.status()).toMatchObject({ state: 'disconnected', problem: 'unplugged' });
    hid.plug();
    await waitUntil(() => source?.status().state === 'connected', 2000, 'reconnected');
    expect(source.diagnostics().reconnects).toBe(1);
  });

  it('reports notFound for a scale that is not there', async () => {
    source = createHidScaleConnection({ vendorId: '0922', productId: '8004', hid: fakeHid().api, rescanMs: 20 });
    await waitUntil(() => source?.status().problem === 'notFound', 2000, 'notFound');
  });
});
