/**
 * The one interface the station core depends on for weights. Implemented by the real serial connection, the HID
 * connection and the in-process simulator (createScaleSource picks one from settings).
 *
 * - onReading: every weight the scale sent (stable, motion, zero, under zero with a value), already validated
 *   against ScaleReadingSchema.
 * - onIndication: conditions sent without a usable weight (motion / overload / under zero / not ready / fault).
 * - onStatus: connection state changes; status() is the current state at any time.
 * Feed readings and indications to shared/scale/captureGate.ts to decide captures.
 */
import type { ScaleDeviceStatus, ScaleReading } from '../../../shared/scale/reading.ts';
import type { ScaleIndication } from '../../../shared/scale/scaleIndication.ts';
import type { FrameRejectCode } from '../../../shared/scale/scaleParseEvent.ts';

export interface ScaleDiagnostics {
  /** Frames the parser accepted (readings, indications, command replies). */
  readonly validFrames: number;
  /** Rejected frames and noise runs, by code. */
  readonly rejected: Readonly<Partial<Record<FrameRejectCode, number>>>;
  /** Bytes in rejected frames and noise. */
  readonly rejectedBytes: number;
  /** Times the device was opened again after being lost. */
  readonly reconnects: number;
  /** Epoch ms of the last accepted frame, or null. */
  readonly lastFrameAt: number | null;
}

export type Unsubscribe = () => void;

export interface ScaleSource {
  readonly kind: 'serial' | 'hid' | 'simulated';
  onReading(listener: (reading: ScaleReading) => void): Unsubscribe;
  onIndication(listener: (indication: ScaleIndication) => void): Unsubscribe;
  onStatus(listener: (status: ScaleDeviceStatus) => void): Unsubscribe;
  status(): ScaleDeviceStatus;
  diagnostics(): ScaleDiagnostics;
  /** Closes the device and stops all timers; the source emits nothing afterwards. */
  stop(): Promise<void>;
}
