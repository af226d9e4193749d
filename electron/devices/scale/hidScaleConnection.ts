/**
 * A USB HID POS scale (Dymo, Stamps.com, Mettler Toledo PS in HID mode, Fairbanks Ultegra …) kept connected through
 * node-hid: found by vendor/product (and serial when saved) on usage page 0x8D, reopened within `rescanMs` after an
 * unplug. The first report after opening is discarded (scales send a stale one, ../shared/reference/hardware.md §2). HID scales report
 * on their own, so there is no polling and no no-answer watchdog: open = connected.
 */
import { createHidPosParser } from '../../../shared/scale/hidPosReport.ts';
import type { ScaleDeviceProblem, ScaleDeviceStatus } from '../../../shared/scale/reading.ts';
import { loadNodeHid, type HidApi, type HidHandle } from './hidApi.ts';
import { listHidScales } from './hidScaleListing.ts';
import { createScaleEventHub } from './scaleEventHub.ts';
import type { ScaleSource } from './scaleSource.ts';

export interface HidScaleConnectionOptions {
  readonly vendorId: string;
  readonly productId: string;
  readonly serialNumber?: string;
  readonly rescanMs?: number;
  /** Test seam; default loads node-hid. */
  readonly hid?: HidApi;
  readonly label?: string;
}

export function createHidScaleConnection(options: HidScaleConnectionOptions): ScaleSource {
  const rescanMs = options.rescanMs ?? 500;
  const who = `USB ${options.vendorId}:${options.productId}${options.serialNumber ? ` serial ${options.serialNumber}` : ''}`;
  const label = options.label ?? `USB HID scale (${who})`;
  const hub = createScaleEventHub({ state: 'connecting', protocol: 'hid-pos', label, message: 'Looking for the scale' });
  const parser = createHidPosParser({ includesReportId: true });
  let stopped = false;
  let handle: HidHandle | null = null;
  let wasOpen = false;
  let timer: NodeJS.Timeout | null = null;

  const report = (state: ScaleDeviceStatus['state'], message?: string, problem?: ScaleDeviceProblem) =>
    hub.setStatus({ state, protocol: 'hid-pos', label, ...(message === undefined ? {} : { message }), ...(problem === undefined ? {} : { problem }) });

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void scan(), delayMs);
  };

  async function scan(): Promise<void> {
    if (stopped || handle) return;
    const api = options.hid ?? (await loadApi());
    if (api === null || stopped) return;
    let found;
    try {
      found = (await listHidScales(api)).filter(
        (d) => d.vendorId === options.vendorId && d.productId === options.productId && (options.serialNumber === undefined || d.serialNumber === options.serialNumber),
      );
    } catch (error) {
      report('error', `Cannot list USB HID devices: ${text(error)}`, 'openFailed');
      schedule(rescanMs);
      return;
    }
    const [device, ...others] = found;
    if (device === undefined || others.length > 0) {
      if (others.length > 0) report('error', `${found.length} HID scales match ${who}; save the scale with its serial number`, 'ambiguous');
      else report('disconnected', wasOpen ? 'Scale unplugged or switched off; waiting for it to come back' : `Scale not found (${who})`, wasOpen ? 'unplugged' : 'notFound');
      schedule(rescanMs);
      return;
    }
    let opened: HidHandle;
    try {
      opened = await api.open(device.path);
    } catch (error) {
      const message = text(error);
      report('error', `Cannot open the HID scale: ${message} (Linux needs a udev rule for hidraw)`, /permission|access/i.test(message) ? 'permissionDenied' : 'openFailed');
      schedule(rescanMs);
      return;
    }
    if (stopped) {
      await opened.close();
      return;
    }
    if (wasOpen) hub.countReconnect();
    wasOpen = true;
    handle = opened;
    let first = true;
    opened.on('data', (data) => {
      if (handle !== opened) return;
      if (first) {
        first = false; // stale report from before opening
        return;
      }
      hub.dispatch(parser.push(data, Date.now()));
    });
    opened.on('error', (error) => {
      if (handle !== opened) return;
      handle = null;
      void opened.close().catch(() => undefined);
      report('disconnected', `Scale unplugged or switched off (${error.message}); waiting for it to come back`, 'unplugged');
      schedule(0);
    });
    report('connected');
  }

  async function loadApi(): Promise<HidApi | null> {
    const loaded = await loadNodeHid();
    if (loaded.ok) return loaded.api;
    report('error', loaded.message, 'hidUnavailable');
    return null;
  }

  schedule(0);

  return {
    kind: 'hid',
    ...hub.source,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      const open = handle;
      handle = null;
      await open?.close();
      report('disconnected', 'Stopped');
      hub.close();
    },
  };
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
