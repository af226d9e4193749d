/**
 * The demo-mode scale, in process: a scale model (motion, then a stable weight, like a real platform) whose display
 * is encoded every tick with a real protocol encoder and decoded by the real parser, so the station sees exactly
 * what a real scale of that protocol would produce. Same ScaleSource interface as the real connections.
 */
import type { ScaleDeviceStatus } from '../../../shared/scale/reading.ts';
import { SCALE_PROTOCOL_LABELS, type SerialScaleProtocolId } from '../../../shared/scale/scaleProtocolId.ts';
import { createSerialScaleParser, serialProtocolProfile } from '../../../shared/scale/serialProtocolConfig.ts';
import { createScaleModel, type ScaleModel, type ScaleModelOptions } from '../../../shared/scale/simulation/scaleModel.ts';
import { createResponder, hostConfigFor, type SimulatorProtocol } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { TOLEDO_FULL_FORMAT } from '../../../shared/scale/toledoContinuousFormat.ts';
import type { MassQ } from '../../../shared/units/mass.ts';
import { createScaleEventHub } from './scaleEventHub.ts';
import type { ScaleSource } from './scaleSource.ts';

export interface SimulatedScaleOptions extends ScaleModelOptions {
  /** Protocol whose frames are encoded and parsed (default NCI). */
  readonly protocol?: SerialScaleProtocolId;
  /** Time between two frames (default 100 ms). */
  readonly intervalMs?: number;
}

export interface SimulatedScale extends ScaleSource {
  /** Puts a parcel on the platform: motion for a moment, then a stable weight. */
  place(load: MassQ): void;
  /** Empties the platform. */
  remove(): void;
  /** Zeroes the scale (only when stable). */
  zero(): boolean;
  readonly model: ScaleModel;
}

function simulatorProtocolFor(id: SerialScaleProtocolId): SimulatorProtocol {
  switch (id) {
    case 'mettler-8213':
      return { protocol: 'mettler-8213' };
    case 'toledo-continuous':
      return { protocol: 'toledo-continuous', ...TOLEDO_FULL_FORMAT };
    case 'mt-sics':
      return { protocol: 'mt-sics' };
    case 'nci':
      return { protocol: 'nci', shape: 'scp01' };
  }
}

export function createSimulatedScale(options: SimulatedScaleOptions = {}): SimulatedScale {
  const protocolId = options.protocol ?? 'nci';
  const model = createScaleModel(options);
  const simProtocol = simulatorProtocolFor(protocolId);
  const responder = createResponder(model, simProtocol);
  const parser = createSerialScaleParser(hostConfigFor(simProtocol, model));
  const request = serialProtocolProfile(protocolId).request;
  const connected: ScaleDeviceStatus = { state: 'connected', protocol: 'simulated', label: `Simulated scale (${SCALE_PROTOCOL_LABELS[protocolId]} frames)` };
  const hub = createScaleEventHub(connected);
  let stopped = false;

  const timer = setInterval(() => {
    const now = Date.now();
    const frames = request === null ? [responder.stream(now)] : responder.receive(request, now);
    for (const frame of frames) if (frame) hub.dispatch(parser.push(frame, now));
  }, options.intervalMs ?? 100);

  return {
    kind: 'simulated',
    model,
    ...hub.source,
    place: (load) => model.place(load, Date.now()),
    remove: () => model.remove(Date.now()),
    zero: () => model.zero(Date.now()),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      hub.setStatus({ ...connected, state: 'disconnected', message: 'Stopped' });
      hub.close();
    },
  };
}
