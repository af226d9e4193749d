/**
 * The shared plumbing of every ScaleSource: listener sets, the current status (emitted only on change), parse-event
 * dispatch and diagnostics counters. A throwing listener does not break the driver's I/O loop: its error is rethrown
 * from a microtask, so it still surfaces as an uncaught exception.
 */
import type { ScaleDeviceStatus, ScaleReading } from '../../../shared/scale/reading.ts';
import type { ScaleIndication } from '../../../shared/scale/scaleIndication.ts';
import type { FrameRejectCode, ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import type { ScaleDiagnostics, ScaleSource } from './scaleSource.ts';
import { listenerSet } from '../listenerSet.ts';

export interface ScaleEventHub {
  /** The listener/status half of a ScaleSource. */
  readonly source: Pick<ScaleSource, 'onReading' | 'onIndication' | 'onStatus' | 'status' | 'diagnostics'>;
  dispatch(events: readonly ScaleParseEvent[]): void;
  setStatus(status: ScaleDeviceStatus): void;
  countReconnect(): void;
  /** Stops all emission (after stop()). */
  close(): void;
}

export function createScaleEventHub(initial: ScaleDeviceStatus): ScaleEventHub {
  const readings = listenerSet<ScaleReading>();
  const indications = listenerSet<ScaleIndication>();
  const statuses = listenerSet<ScaleDeviceStatus>();
  let current = initial;
  let closed = false;
  let validFrames = 0;
  let rejectedBytes = 0;
  let reconnects = 0;
  let lastFrameAt: number | null = null;
  const rejected: Partial<Record<FrameRejectCode, number>> = {};

  return {
    source: {
      onReading: readings.add,
      onIndication: indications.add,
      onStatus: statuses.add,
      status: () => current,
      diagnostics: (): ScaleDiagnostics => ({ validFrames, rejected: { ...rejected }, rejectedBytes, reconnects, lastFrameAt }),
    },
    dispatch(events) {
      if (closed) return;
      for (const event of events) {
        switch (event.type) {
          case 'reading':
            validFrames += 1;
            lastFrameAt = event.reading.at;
            readings.emit(event.reading);
            break;
          case 'indication':
            validFrames += 1;
            lastFrameAt = event.indication.at;
            indications.emit(event.indication);
            break;
          case 'reply':
            validFrames += 1;
            lastFrameAt = event.reply.at;
            break;
          case 'rejected':
            rejected[event.code] = (rejected[event.code] ?? 0) + 1;
            rejectedBytes += event.byteCount;
            break;
        }
      }
    },
    setStatus(status) {
      if (closed) return;
      const same =
        status.state === current.state &&
        status.protocol === current.protocol &&
        status.label === current.label &&
        status.message === current.message &&
        status.problem === current.problem;
      current = status;
      if (!same) statuses.emit(status);
    },
    countReconnect() {
      reconnects += 1;
    },
    close() {
      closed = true;
      readings.clear();
      indications.clear();
      statuses.clear();
    },
  };
}
