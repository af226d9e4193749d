/**
 * Takes the scale's weight for the open parcel automatically: the pure capture gate (shared/scale/captureGate.ts)
 * watches every reading and indication; when the weight is stable, above zero and has held for the configured
 * settle time, and the open intake is waiting for a weight, the weight is captured through the intake service (so it
 * is stored and audited like any other). Motion, overload and under zero are never captured.
 */
import { createCaptureGate, type CaptureGate, type WeightCapture } from '../../shared/scale/captureGate.ts';
import type { IntakeService } from './intakeService.ts';
import type { StationScale } from './stationPorts.ts';

export interface AutoCaptureOptions {
  readonly scale: StationScale;
  readonly intake: IntakeService;
  readonly settleMs: () => number;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

export function startAutoCapture(options: AutoCaptureOptions): { rearm(): void; stop(): void } {
  let settleMs = options.settleMs();
  let gate: CaptureGate = createCaptureGate({ settleMs });
  const currentGate = (): CaptureGate => {
    if (options.settleMs() !== settleMs) {
      settleMs = options.settleMs();
      gate = createCaptureGate({ settleMs });
    }
    return gate;
  };
  const take = (capture: WeightCapture | undefined) => {
    if (!capture) return;
    try {
      options.intake.captureFromScale(capture);
    } catch (error) {
      options.log(`auto-capture: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const offs = [
    options.scale.onReading((reading) => take(currentGate().feedReading(reading, options.now()).captured)),
    options.scale.onIndication((indication) => take(currentGate().feedIndication(indication, options.now()).captured)),
    options.scale.onStatus((status) => {
      if (status.state !== 'connected') currentGate().interrupt();
    }),
  ];
  return {
    rearm: () => currentGate().rearm(),
    stop: () => offs.forEach((off) => off()),
  };
}
