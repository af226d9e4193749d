/**
 * A scanner in serial mode (RS-232, or USB CDC "COM port" emulation): one scan per CR / CR LF terminated line
 * (../shared/reference/hardware.md §4.2). Narrow interface: onScan, onStatus, status, stop.
 *
 * The port is found like a scale's (USB identity or path), opened with the scale's serial link (which flushes stale
 * input), and reopened every `reconnectMs` while missing or after it is lost (serialport has no auto-reconnect).
 */
import { describeIdentity } from '../../../shared/scale/scaleSettings.ts';
import type { PortLister } from '../scale/listedPort.ts';
import { matchPort } from '../scale/portMatching.ts';
import { openSerialLink, type SerialLink, type SerialLinkOpener } from '../scale/serialLink.ts';
import { listSerialPorts } from '../scale/serialPortListing.ts';
import { createScanLineFramer } from './scanLineFramer.ts';
import type { ScannerDeviceStatus, SerialScan } from './scannerStatus.ts';
import { SerialScannerSettingsSchema, type SerialScannerSettings } from './serialScannerSettings.ts';
import { listenerSet, type Unsubscribe } from '../listenerSet.ts';

export type { Unsubscribe } from '../listenerSet.ts';

export interface SerialScanner {
  onScan(listener: (scan: SerialScan) => void): Unsubscribe;
  onStatus(listener: (status: ScannerDeviceStatus) => void): Unsubscribe;
  status(): ScannerDeviceStatus;
  /** Closes the port and stops reconnecting; nothing is emitted afterwards. */
  stop(): Promise<void>;
}

export interface SerialScannerDeps {
  readonly openLink?: SerialLinkOpener;
  readonly listPorts?: PortLister;
}

const noLineEnd = (max: number) =>
  `The scanner sent more than ${max} characters without a line end, so they were not used. Scan the label again; if this keeps happening, set the scanner's suffix to CR or CR LF.`;

export function createSerialScanner(settingsInput: SerialScannerSettings, deps: SerialScannerDeps = {}): SerialScanner {
  const settings = SerialScannerSettingsSchema.parse(settingsInput);
  const openLink = deps.openLink ?? openSerialLink;
  const listPorts = deps.listPorts ?? listSerialPorts;
  const label = `Serial scanner (${describeIdentity(settings.identity)})`;
  const scanListeners = listenerSet<SerialScan>();
  const statusListeners = listenerSet<ScannerDeviceStatus>();
  let current: ScannerDeviceStatus = { state: 'connecting', label };
  let link: SerialLink | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const setStatus = (next: ScannerDeviceStatus) => {
    if (stopped && next.state !== 'disconnected') return;
    if (next.state === current.state && next.message === current.message && next.label === current.label) return;
    current = next;
    statusListeners.emit(next);
  };

  const retryLater = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, settings.reconnectMs);
  };

  async function resolvePath(): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
    if (settings.identity.kind === 'path') return { ok: true, path: settings.identity.path };
    const match = matchPort(settings.identity, await listPorts());
    if (match.ok) return { ok: true, path: match.port.path };
    return match.problem === 'ambiguous'
      ? { ok: false, message: `${match.candidates} matching scanners are plugged in; unplug all but one.` }
      : { ok: false, message: 'The scanner is not plugged in.' };
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    setStatus({ state: 'connecting', label });
    const resolved = await resolvePath();
    if (stopped) return;
    if (!resolved.ok) {
      setStatus({ state: 'disconnected', label, message: resolved.message });
      retryLater();
      return;
    }
    const opened = await openLink(resolved.path, settings.line);
    if (stopped) {
      if (opened.ok) await opened.link.close();
      return;
    }
    if (!opened.ok) {
      const state = opened.problem === 'notFound' ? 'disconnected' : 'error';
      setStatus({ state, label: `Serial scanner on ${resolved.path}`, message: opened.message });
      retryLater();
      return;
    }
    const thisLink = opened.link;
    link = thisLink;
    const portLabel = `Serial scanner on ${resolved.path}`;
    const framer = createScanLineFramer(settings.maxLineLength);
    thisLink.onData((chunk, at) => {
      if (stopped || link !== thisLink) return;
      for (const framed of framer.push(chunk)) {
        if (framed.type === 'scan') {
          if (current.message !== undefined) setStatus({ state: 'connected', label: portLabel });
          scanListeners.emit({ text: framed.text, source: 'serial', at });
        } else {
          setStatus({ state: 'connected', label: portLabel, message: noLineEnd(settings.maxLineLength) });
        }
      }
    });
    thisLink.onClose((reason, message) => {
      if (link !== thisLink) return;
      link = null;
      if (stopped || reason === 'closed') return;
      setStatus({ state: reason === 'unplugged' ? 'disconnected' : 'error', label: portLabel, message: `The scanner connection was lost: ${message}` });
      retryLater();
    });
    setStatus({ state: 'connected', label: portLabel });
  }

  void connect();

  return {
    onScan(listener) {
      return scanListeners.add(listener);
    },
    onStatus(listener) {
      return statusListeners.add(listener);
    },
    status: () => current,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const open = link;
      link = null;
      if (open) await open.close();
      setStatus({ state: 'disconnected', label, message: 'Stopped.' });
      scanListeners.clear();
      statusListeners.clear();
    },
  };
}
