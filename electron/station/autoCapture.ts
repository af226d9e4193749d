/**
 * Takes the scale's weight for the open parcel automatically. The pure weight interlock
 * (shared/scale/weightInterlock.ts) watches every reading and the open parcel, and says when a settled weight counts
 * for it: settled after its scan, and not the previous parcel's load still on the platform. This module only feeds
 * it (readings numbered as they arrive, indications, the open intake) and hands each capture to the intake service,
 * which stores it (a first weight, or a correction that re-decides a decided parcel); it also guards the "capture
 * from scale" button (IntakeService.guardScaleWeights) with the same interlock. A capture the station could
 * not store is logged and sent to the screen as `captureFailed` with its typed code. Frames the scale's parser
 * rejected (its diagnostics count them) are told to the interlock before the next reading: a noisy line restarts
 * the hold, so a corrupted frame that happens to parse is never taken as a settled weight (issue 14, item 7).
 */
import type { StationSettings } from '../../shared/contract/settings.ts';
import type { EventData } from '../../shared/contract/events.ts';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import { limitsFromGrams } from '../../shared/scale/weightAgreement.ts';
import { createWeightInterlock, type InterlockCapture, type InterlockParcel, type ParcelWeighing } from '../../shared/scale/weightInterlock.ts';
import type { IntakeService } from './intakeService.ts';
import { StationError } from './stationError.ts';
import type { StationScale } from './stationPorts.ts';

/** What auto-capture needs of a logger: a pino logger fits, and so does a plain line writer. */
export type AutoCaptureLog = { warn(fields: Record<string, unknown>, message: string): void } | ((line: string) => void);

export interface AutoCaptureOptions {
  readonly scale: StationScale;
  readonly intake: IntakeService;
  readonly settings: () => Pick<StationSettings, 'autoCaptureSettleMs' | 'autoCaptureEmptyBelowG' | 'autoCaptureChangeToleranceG'>;
  /** Subscribes to the open intake's changes (the same signal the screen gets); returns the unsubscribe. */
  readonly onIntakeChanged: (listener: (view: IntakeView | null) => void) => () => void;
  readonly onCaptureFailed: (failure: EventData<'captureFailed'>) => void;
  readonly now: () => number;
  readonly log: AutoCaptureLog;
}

/** The open intake as the interlock sees it. */
export function parcelOf(view: IntakeView | null): InterlockParcel | null {
  if (view === null || view.state === 'ready' || view.state === 'cancelled') return null;
  if (view.state === 'printed') return { id: view.intakeId, weighing: 'locked' };
  if (view.weight === null) return { id: view.intakeId, weighing: 'awaiting' };
  if (view.weight.source === 'manual') return { id: view.intakeId, weighing: 'typed' };
  const weighing: ParcelWeighing = view.state === 'decided' ? 'decided' : 'scale';
  return { id: view.intakeId, weighing, mass: view.weight.mass };
}

export function startAutoCapture(options: AutoCaptureOptions): { stop(): void } {
  const interlock = createWeightInterlock(() => {
    const s = options.settings();
    return { settleMs: s.autoCaptureSettleMs, ...limitsFromGrams(s.autoCaptureEmptyBelowG, s.autoCaptureChangeToleranceG) };
  });
  let readingSeq = 0;
  const rejectedSoFar = () => Object.values(options.scale.diagnostics().rejected).reduce((a, b) => a + (b ?? 0), 0);
  let rejected = rejectedSoFar();
  /** Tells the interlock about frames rejected since the last look. */
  const noteFrameErrors = () => {
    const now = rejectedSoFar();
    if (now > rejected) interlock.frameError(options.now());
    rejected = now;
  };
  interlock.setParcel(parcelOf(options.intake.current()), options.now());

  const warn = (fields: Record<string, unknown>, message: string) => {
    if (typeof options.log === 'function') options.log(`${message} ${JSON.stringify(fields)}`);
    else options.log.warn(fields, message);
  };
  const take = (capture: InterlockCapture | undefined) => {
    if (!capture) return;
    try {
      options.intake.captureFromScale(capture);
    } catch (error) {
      interlock.captureFailed(capture);
      const failure = error instanceof StationError
        ? { code: error.code, message: `${error.message} The weight was not recorded: then lift the parcel and put it back, or type the weight.` }
        : { code: 'INTERNAL' as const, message: 'The station could not record the weight. Take the parcel off the scale, put it back, or type the weight.' };
      warn({ part: 'auto-capture', intakeId: capture.parcelId, code: failure.code, err: error }, 'an automatic weight capture failed');
      options.onCaptureFailed({ ...failure, intakeId: capture.parcelId, mass: capture.value, readingAt: capture.readingAt });
    }
  };
  const offs = [
    options.intake.guardScaleWeights((intakeId, mass) => interlock.admits(intakeId, mass)),
    options.onIntakeChanged((view) => interlock.setParcel(parcelOf(view), options.now())),
    options.scale.onReading((reading) => {
      noteFrameErrors();
      take(interlock.feedReading(reading, ++readingSeq, options.now()).captured);
    }),
    options.scale.onIndication((indication) => {
      noteFrameErrors();
      take(interlock.feedIndication(indication, options.now()).captured);
    }),
    options.scale.onStatus((status) => {
      if (status.state !== 'connected') interlock.interrupt();
    }),
  ];
  return { stop: () => offs.forEach((off) => off()) };
}
