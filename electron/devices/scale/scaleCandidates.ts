/**
 * Everything that could be a scale on this machine, for `scale-list` and a settings screen: serial ports (OS
 * listing, plus registered PTY simulators) and USB HID POS scales. Each entry carries the identity to save.
 * Known USB-serial bridges used by scales are marked as likely.
 */
import type { ScaleIdentity } from '../../../shared/scale/scaleSettings.ts';
import { loadNodeHid } from './hidApi.ts';
import { listHidScales, type HidScaleInfo } from './hidScaleListing.ts';
import type { ListedPort } from './listedPort.ts';
import { identityOfPort } from './portMatching.ts';
import { listSerialPorts } from './serialPortListing.ts';
import { readSimulatorRegistry } from './simulatedPortRegistry.ts';

/** USB-serial bridges found in shipping scales and their cables (vendor:product). */
const SCALE_BRIDGES: Readonly<Record<string, string>> = {
  '1a86:7523': 'CH340 (Brecknell PS-USB and many scale cables)',
  '0403:6001': 'FTDI FT232R',
  '0403:6015': 'FTDI FT231X',
  '067b:2303': 'Prolific PL2303',
  '10c4:ea60': 'Silicon Labs CP210x',
  '0eb8:f000': 'Mettler Toledo',
};

export interface SerialCandidate {
  readonly port: ListedPort;
  readonly identity: ScaleIdentity;
  /** Why the port looks like a scale, or null. */
  readonly likely: string | null;
}

export interface ScaleCandidates {
  readonly serial: SerialCandidate[];
  readonly hid: HidScaleInfo[];
  /** Why HID scales could not be listed, if they could not. */
  readonly hidProblem?: string;
  /** Simulator registry files that were not valid. */
  readonly invalidSimulatorFiles: string[];
}

export async function listScaleCandidates(options: { readonly includeSimulators?: boolean; readonly registryDir?: string } = {}): Promise<ScaleCandidates> {
  const registry = options.includeSimulators === false ? { ports: [], invalidFiles: [] } : await readSimulatorRegistry(options.registryDir);
  const ports = [...(await listSerialPorts()), ...registry.ports];
  const serial = ports.map((port) => ({
    port,
    identity: identityOfPort(port),
    likely: port.source === 'simulator' ? 'scale simulator' : (SCALE_BRIDGES[`${port.vendorId}:${port.productId}`] ?? null),
  }));
  const hidApi = await loadNodeHid();
  if (!hidApi.ok) return { serial, hid: [], hidProblem: hidApi.message, invalidSimulatorFiles: registry.invalidFiles };
  try {
    return { serial, hid: await listHidScales(hidApi.api), invalidSimulatorFiles: registry.invalidFiles };
  } catch (error) {
    return { serial, hid: [], hidProblem: error instanceof Error ? error.message : String(error), invalidSimulatorFiles: registry.invalidFiles };
  }
}
