/**
 * Builds the station's scale from its configuration: `simulated` (the demo), or a scale settings object as JSON —
 * inline or in a file — validated by shared/scale/scaleSettings.ts, e.g.
 *   {"kind":"serial","identity":{"kind":"usb","vendorId":"0403","productId":"6001","serialNumber":"A1B2"},
 *    "protocol":{"protocol":"mettler-8213","unit":"lb"},"line":{"baudRate":9600,"dataBits":7,"parity":"even","stopBits":1}}
 */
import { readFileSync } from 'node:fs';
import type { ScaleReading } from '../../shared/scale/reading.ts';
import { createScaleSource } from '../devices/scale/createScaleSource.ts';
import { createSimulatedScale } from '../devices/scale/simulatedScale.ts';
import type { ScaleSource } from '../devices/scale/scaleSource.ts';
import { StationError } from './stationError.ts';
import type { StationScale } from './stationPorts.ts';

export function withLastReading(source: ScaleSource, simulator?: StationScale['simulator']): StationScale {
  let last: ScaleReading | null = null;
  source.onReading((reading) => (last = reading));
  source.onStatus((status) => {
    if (status.state !== 'connected') last = null;
  });
  const scale: StationScale = {
    kind: source.kind,
    onReading: source.onReading.bind(source),
    onIndication: source.onIndication.bind(source),
    onStatus: source.onStatus.bind(source),
    status: source.status.bind(source),
    diagnostics: source.diagnostics.bind(source),
    stop: source.stop.bind(source),
    last: () => last,
    ...(simulator ? { simulator } : {}),
  };
  return scale;
}

function readSpec(spec: string): unknown {
  const text = spec.trimStart().startsWith('{') ? spec : readFileSync(spec, 'utf8');
  return JSON.parse(text) as unknown;
}

export function openStationScale(spec: string): StationScale {
  if (spec === 'simulated') {
    const sim = createSimulatedScale();
    return withLastReading(sim, { place: (mass) => sim.place(mass), remove: () => sim.remove() });
  }
  let settings: unknown;
  try {
    settings = readSpec(spec);
  } catch (error) {
    throw new StationError('INVALID_REQUEST', `--scale must be "simulated", scale settings JSON, or a JSON file: ${(error as Error).message}`);
  }
  const created = createScaleSource(settings);
  if (!created.ok) throw new StationError('INVALID_REQUEST', `Scale settings are invalid: ${created.message}`);
  if (created.source.kind === 'simulated') {
    throw new StationError('INVALID_REQUEST', 'Use --scale simulated for the simulated scale.');
  }
  return withLastReading(created.source);
}
