/**
 * The narrow interfaces the station core depends on; the real implementations (barcode classifier, rules engine,
 * scale driver) are wired in createStation.ts, and tests may pass their own.
 */
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import type { ScaleDeviceStatus, ScaleReading } from '../../shared/scale/reading.ts';
import type { Dimensions } from '../../shared/units/length.ts';
import type { MassQ } from '../../shared/units/mass.ts';

export interface ScanIdentity {
  readonly kind: string;
  readonly carrier: string | null;
  readonly tracking: string;
  readonly valid: boolean;
  readonly reason?: string | undefined;
}

export type ScanClassifier = (raw: string) => ScanIdentity;

export interface VerdictRequest {
  readonly manifest: ManifestEntry | null;
  readonly mass: MassQ;
  readonly dims: Dimensions | null;
  readonly damaged: boolean;
  readonly now: number;
}

export type VerdictDecider = (request: VerdictRequest) => Verdict;

export interface StationScale {
  status(): ScaleDeviceStatus;
  /** The latest reading, stable or not; null before the first. */
  last(): ScaleReading | null;
  onReading(listener: (reading: ScaleReading) => void): () => void;
  onStatus(listener: (status: ScaleDeviceStatus) => void): () => void;
  /** Present only on the simulated scale. */
  readonly simulator?: { place(mass: MassQ): void; remove(): void };
  stop(): Promise<void>;
}
