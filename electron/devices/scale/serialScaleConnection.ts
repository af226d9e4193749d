/**
 * A serial scale remembered by identity (USB vendor/product/serial, not COM/tty name), kept connected:
 *   searching → (port listed) → opening → connecting (open, waiting for a valid frame) → connected
 *   connected → (port closed/unplugged) → disconnected, rescanning every `rescanMs` → … → connected again
 *   open but no valid frame for `noAnswerMs` → error/noAnswer (keeps polling); silent for twice that → the port is
 *   closed and reopened quietly (status stays noAnswer), because a dead handle whose unplug was never reported
 *   (serialport on Windows, ../shared/reference/hardware.md §5) would otherwise never recover.
 * With the default 500 ms rescan a replugged scale is back well within 2 s (listing + open + one poll).
 */
import { formatLineSettings, type LineSettings } from '../../../shared/scale/lineSettings.ts';
import type { ScaleDeviceProblem, ScaleDeviceStatus } from '../../../shared/scale/reading.ts';
import { describeIdentity, type ScaleIdentity } from '../../../shared/scale/scaleSettings.ts';
import { describeProtocolConfig, type SerialProtocolConfig, type SerialProtocolProfile } from '../../../shared/scale/serialProtocolConfig.ts';
import type { ListedPort, PortLister } from './listedPort.ts';
import { matchPort } from './portMatching.ts';
import { createScaleEventHub } from './scaleEventHub.ts';
import type { ScaleSource } from './scaleSource.ts';
import { openSerialLink, type SerialLink, type SerialLinkOpener } from './serialLink.ts';
import { listSerialPorts } from './serialPortListing.ts';
import { startSerialScaleSession, type SerialScaleSession } from './serialScaleSession.ts';

export interface SerialScaleConnectionOptions {
  readonly identity: ScaleIdentity;
  readonly protocol: SerialProtocolConfig;
  readonly line: LineSettings;
  /** Where to look for the port (default: the OS listing). */
  readonly listPorts?: PortLister;
  readonly openLink?: SerialLinkOpener;
  /** Time between two listings while the scale is missing (default 500 ms). */
  readonly rescanMs?: number;
  /** Open but silent for this long → error/noAnswer (default 3000 ms). */
  readonly noAnswerMs?: number;
  readonly timing?: Partial<Pick<SerialProtocolProfile, 'pollIntervalMs' | 'replyTimeoutMs'>>;
  /** Human name, e.g. "Packing bench scale"; defaults to the protocol's name. */
  readonly label?: string;
}

export function createSerialScaleConnection(options: SerialScaleConnectionOptions): ScaleSource {
  const listPorts = options.listPorts ?? listSerialPorts;
  const openLink = options.openLink ?? openSerialLink;
  const rescanMs = options.rescanMs ?? 500;
  const noAnswerMs = options.noAnswerMs ?? 3000;
  const protocol = options.protocol.protocol;
  const name = options.label ?? describeProtocolConfig(options.protocol);
  const whereabouts = describeIdentity(options.identity);

  const hub = createScaleEventHub({ state: 'connecting', protocol, label: `${name} (${whereabouts})`, message: 'Looking for the scale' });
  let stopped = false;
  let scanning = false;
  let wasOpen = false;
  let link: SerialLink | null = null;
  let session: SerialScaleSession | null = null;
  let openedAt = 0;
  let lastValidAt: number | null = null;
  let scanTimer: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  /** Reopening after a long silence: keep showing noAnswer instead of connecting/unplugged. */
  let quietReopen = false;

  const report = (state: ScaleDeviceStatus['state'], label: string, message?: string, problem?: ScaleDeviceProblem) => {
    const status: ScaleDeviceStatus = { state, protocol, label };
    hub.setStatus({ ...status, ...(message === undefined ? {} : { message }), ...(problem === undefined ? {} : { problem }) });
  };
  const idleLabel = `${name} (${whereabouts})`;

  function scheduleScan(delayMs: number): void {
    if (stopped) return;
    if (scanTimer) clearTimeout(scanTimer);
    scanTimer = setTimeout(() => void scan(), delayMs);
  }

  async function scan(): Promise<void> {
    if (stopped || link || scanning) return;
    scanning = true;
    try {
      await scanOnce();
    } catch (error) {
      // A driver that throws instead of reporting must not end the reconnect loop.
      report('error', idleLabel, `Unexpected error while connecting: ${errorText(error)}`, 'openFailed');
      scheduleScan(rescanMs);
    } finally {
      scanning = false;
    }
  }

  async function scanOnce(): Promise<void> {
    let ports: readonly ListedPort[];
    try {
      ports = await listPorts();
    } catch (error) {
      report('error', idleLabel, `Cannot list serial ports: ${errorText(error)}`, 'openFailed');
      scheduleScan(rescanMs);
      return;
    }
    if (stopped) return;
    const match = matchPort(options.identity, ports);
    if (!match.ok) {
      quietReopen = false;
      if (match.problem === 'ambiguous') {
        report('error', idleLabel, `${match.candidates} ports match ${whereabouts}; remember the scale by serial number or unplug the others`, 'ambiguous');
      } else if (wasOpen) {
        report('disconnected', idleLabel, 'Scale unplugged or switched off; waiting for it to come back', 'unplugged');
      } else {
        report('disconnected', idleLabel, `Scale not found (${whereabouts}); check the cable and power`, 'notFound');
      }
      scheduleScan(rescanMs);
      return;
    }
    const path = match.port.path;
    const label = `${name} on ${path}`;
    if (!quietReopen) report('connecting', label, `Opening ${path} at ${formatLineSettings(options.line)}`);
    const opened = await openLink(path, options.line);
    if (stopped) {
      if (opened.ok) await opened.link.close();
      return;
    }
    if (!opened.ok) {
      quietReopen = false;
      report('error', label, `Cannot open ${path}: ${opened.message}`, opened.problem === 'notFound' ? 'notFound' : opened.problem);
      scheduleScan(rescanMs);
      return;
    }
    attach(opened.link, label);
  }

  function attach(opened: SerialLink, label: string): void {
    if (wasOpen) hub.countReconnect();
    wasOpen = true;
    link = opened;
    openedAt = Date.now();
    lastValidAt = null;
    if (!quietReopen) report('connecting', label, `Waiting for the scale to answer on ${opened.path}`);
    session = startSerialScaleSession({
      link: opened,
      protocol: options.protocol,
      ...(options.timing ? { timing: options.timing } : {}),
      onEvents: (events) => {
        hub.dispatch(events);
        if (events.some((e) => e.type !== 'rejected')) {
          lastValidAt = Date.now();
          quietReopen = false;
          if (link === opened) report('connected', label);
        }
      },
    });
    opened.onClose((reason, message) => detach(opened, reason === 'closed' ? 'closed' : message));
    watchdog = setInterval(() => void checkAnswer(opened, label), Math.min(500, noAnswerMs / 3));
  }

  async function checkAnswer(watched: SerialLink, label: string): Promise<void> {
    if (link !== watched) return;
    const silentMs = Date.now() - (lastValidAt ?? openedAt);
    if (silentMs < noAnswerMs) return;
    if (!quietReopen) {
      const since = lastValidAt === null ? 'since the port was opened' : `for ${Math.round(silentMs / 1000)} s`;
      report('error', label, `No valid answer from the scale ${since} (check protocol and line settings)`, 'noAnswer');
    }
    if (silentMs >= 2 * noAnswerMs) {
      quietReopen = true;
      await watched.close();
    }
  }

  function detach(closed: SerialLink, why: string): void {
    if (link !== closed) return;
    session?.stop();
    session = null;
    link = null;
    if (watchdog) clearInterval(watchdog);
    watchdog = null;
    if (stopped) return;
    if (!quietReopen) report('disconnected', idleLabel, `Scale unplugged or switched off (${why}); waiting for it to come back`, 'unplugged');
    scheduleScan(0);
  }

  scheduleScan(0);

  return {
    kind: 'serial',
    ...hub.source,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (scanTimer) clearTimeout(scanTimer);
      if (watchdog) clearInterval(watchdog);
      session?.stop();
      const open = link;
      link = null;
      await open?.close();
      report('disconnected', idleLabel, 'Stopped');
      hub.close();
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
