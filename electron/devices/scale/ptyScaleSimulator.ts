/**
 * A simulated scale on a real pseudo-terminal pair (socat): the station opens `hostPath()` with the real
 * serialport binding exactly as it opens a USB serial scale, and this side answers with frames from the protocol
 * responders in shared/scale/simulation. `unplug()` kills socat (the pty vanishes, the host sees a disconnect);
 * `replug()` makes a new pair — a new /dev/pts/N, same USB identity — like plugging the scale back in.
 * `listing()` is the port as an OS listing would show it (empty while unplugged), for a ScaleConnection's lister.
 */
import { LINE_9600_8N1 } from '../../../shared/scale/lineSettings.ts';
import { createScaleModel, type ScaleModel, type ScaleModelOptions } from '../../../shared/scale/simulation/scaleModel.ts';
import { createResponder, describeSimulatorProtocol, hostConfigFor, type SimulatorProtocol } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import type { SerialProtocolConfig } from '../../../shared/scale/serialProtocolConfig.ts';
import type { MassQ } from '../../../shared/units/mass.ts';
import type { ListedPort } from './listedPort.ts';
import { openSerialLink, type SerialLink } from './serialLink.ts';
import { DEFAULT_SOCAT, openPtyPair, type PtyPair } from './socatPtyPair.ts';

export interface SimulatedUsbIdentity {
  readonly vendorId: string;
  readonly productId: string;
  readonly serialNumber: string;
}

export interface PtyScaleSimulatorOptions {
  readonly protocol: SimulatorProtocol;
  readonly model?: ScaleModelOptions;
  /** Default: a CH340 adapter (1a86:7523, as on Brecknell PS-USB) with serial "SIM-<protocol>". */
  readonly identity?: SimulatedUsbIdentity;
  /** Frame period of streaming protocols (default 50 ms). */
  readonly streamIntervalMs?: number;
  /** Write every reply in two pieces a few ms apart (frames split across reads). */
  readonly splitFrames?: boolean;
  readonly socatPath?: string;
}

export interface PtyScaleSimulator {
  readonly protocol: SimulatorProtocol;
  /** Settings a host needs to read this simulator. */
  readonly hostConfig: SerialProtocolConfig;
  readonly model: ScaleModel;
  readonly identity: SimulatedUsbIdentity;
  /** The path the station opens; null while unplugged. */
  hostPath(): string | null;
  listing(): ListedPort[];
  place(load: MassQ): void;
  remove(): void;
  /** Writes raw bytes to the host (noise, garbage, hand-made frames). */
  sendRaw(bytes: Uint8Array): void;
  /** Host bytes received so far (for assertions). */
  received(): number;
  unplug(): Promise<void>;
  /** Plugs back in; resolves with the time the new port became openable. */
  replug(): Promise<{ readonly ok: true; readonly pluggedAt: number } | { readonly ok: false; readonly message: string }>;
  stop(): Promise<void>;
}

export type StartPtySimulatorResult = { readonly ok: true; readonly simulator: PtyScaleSimulator } | { readonly ok: false; readonly message: string };

export async function startPtyScaleSimulator(options: PtyScaleSimulatorOptions): Promise<StartPtySimulatorResult> {
  const model = createScaleModel(options.model);
  const responder = createResponder(model, options.protocol);
  const hostConfig = hostConfigFor(options.protocol, model);
  const identity = options.identity ?? { vendorId: '1a86', productId: '7523', serialNumber: `SIM-${describeSimulatorProtocol(options.protocol)}` };
  const streamIntervalMs = options.streamIntervalMs ?? 50;
  let pair: PtyPair | null = null;
  let device: SerialLink | null = null;
  let streamTimer: NodeJS.Timeout | null = null;
  let receivedBytes = 0;

  function send(bytes: Uint8Array): void {
    const target = device;
    if (!target) return;
    if (!options.splitFrames || bytes.length < 2) {
      target.write(bytes);
      return;
    }
    const cut = Math.max(1, Math.floor(bytes.length / 2));
    target.write(bytes.subarray(0, cut));
    setTimeout(() => {
      if (device === target) target.write(bytes.subarray(cut));
    }, 3);
  }

  async function plug(): Promise<{ ok: true; pluggedAt: number } | { ok: false; message: string }> {
    const made = await openPtyPair(options.socatPath ?? DEFAULT_SOCAT);
    if (!made.ok) return made;
    const opened = await openSerialLink(made.pair.devicePath, LINE_9600_8N1);
    if (!opened.ok) {
      await made.pair.close();
      return { ok: false, message: `cannot open the simulator end ${made.pair.devicePath}: ${opened.message}` };
    }
    pair = made.pair;
    device = opened.link;
    opened.link.onData((chunk) => {
      receivedBytes += chunk.length;
      for (const reply of responder.receive(chunk, Date.now())) send(reply);
    });
    if (options.protocol.protocol === 'toledo-continuous') {
      streamTimer = setInterval(() => {
        const frame = responder.stream(Date.now());
        if (frame) send(frame);
      }, streamIntervalMs);
    }
    return { ok: true, pluggedAt: Date.now() };
  }

  async function unplug(): Promise<void> {
    if (streamTimer) clearInterval(streamTimer);
    streamTimer = null;
    const closingPair = pair;
    const closingDevice = device;
    pair = null;
    device = null;
    await closingPair?.close();
    await closingDevice?.close();
  }

  const first = await plug();
  if (!first.ok) return first;

  const simulator: PtyScaleSimulator = {
    protocol: options.protocol,
    hostConfig,
    model,
    identity,
    hostPath: () => pair?.hostPath ?? null,
    listing: () => (pair ? [{ path: pair.hostPath, ...identity, manufacturer: 'ECMS scale simulator', source: 'simulator' }] : []),
    place: (load) => model.place(load, Date.now()),
    remove: () => model.remove(Date.now()),
    sendRaw: (bytes) => device?.write(bytes),
    received: () => receivedBytes,
    unplug,
    async replug() {
      if (pair) return { ok: true, pluggedAt: Date.now() };
      return plug();
    },
    stop: unplug,
  };
  return { ok: true, simulator };
}
