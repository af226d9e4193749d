/**
 * The narrow interfaces the station core depends on; the real implementations (barcode classifier, rules engine,
 * scale driver) are wired in createStation.ts, and tests may pass their own.
 */
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import type { ScaleReading } from '../../shared/scale/reading.ts';
import type { ScaleSource } from '../devices/scale/scaleSource.ts';
import type { Dimensions } from '../../shared/units/length.ts';
import type { MassQ } from '../../shared/units/mass.ts';

export interface ScanIdentity {
  /** 'unknown' when the text matches no label format. */
  readonly kind: string;
  readonly carrier: string | null;
  readonly tracking: string;
  /** Other numbers the same scan may be filed under in a manifest (e.g. the full FedEx barcode). */
  readonly alternatives: readonly string[];
  readonly valid: boolean;
  /** True when the label's format was recognised but its check digit is wrong (the worker should rescan). */
  readonly checkDigitFailed: boolean;
  /** Why the scan is not usable, in words for the worker. */
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

/** The scale as the station sees it: the device source plus its latest reading, and the simulator in the demo. */
export interface StationScale extends ScaleSource {
  /** The latest reading, stable or not; null before the first. */
  last(): ScaleReading | null;
  /** Present only on the simulated scale. */
  readonly simulator?: { place(mass: MassQ): void; remove(): void };
}
