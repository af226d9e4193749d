/**
 * Drives the pure weight interlock the way the station does: platform readings in, the open parcel's progress
 * (scanned, weighed, decided, typed, printed) told back after every capture, and a record of everything that
 * happened so tests can check each capture against what was physically on the platform.
 */
import { createWeightInterlock, type InterlockCapture, type ParcelWeighing } from '../../../shared/scale/weightInterlock.ts';
import { limitsFromGrams } from '../../../shared/scale/weightAgreement.ts';
import { createPlatform, type PlatformAction, type Tick } from './platformScript.ts';

export const SETTLE_MS = 600;
export const LIMITS = limitsFromGrams(20, 50);

export interface RecordedCapture extends InterlockCapture {
  /** The object physically on the platform when the weight was taken. */
  readonly object: number | null;
  /** How the parcel was weighed just before this capture ('none': no open parcel). */
  readonly weighingBefore: ParcelWeighing | 'none';
}

export function interlockHarness() {
  const platform = createPlatform();
  const interlock = createWeightInterlock({ settleMs: SETTLE_MS, ...LIMITS });
  const ticks: Tick[] = [];
  const captures: RecordedCapture[] = [];
  const scannedAt = new Map<string, number>();
  let parcel: { id: string; weighing: ParcelWeighing; mass?: number } | null = null;
  let seq = 0;
  let parcels = 0;

  const tell = () => interlock.setParcel(parcel, platform.now());

  return {
    interlock,
    ticks,
    captures,
    scannedAt,
    parcel: () => parcel,
    /** A new label is scanned (between two readings); returns the parcel's id. */
    scan(): string {
      platform.advance(50);
      const id = `P${++parcels}`;
      scannedAt.set(id, platform.now());
      parcel = { id, weighing: 'awaiting' };
      tell();
      return id;
    },
    act(...actions: PlatformAction[]): RecordedCapture[] {
      const before = captures.length;
      for (const action of actions) {
        for (const tick of platform.run(action)) {
          ticks.push(tick);
          const captured = interlock.feedReading(tick.reading, ++seq, tick.at).captured;
          if (!captured) continue;
          captures.push({ ...captured, object: tick.object, weighingBefore: parcel?.id === captured.parcelId ? parcel.weighing : 'none' });
          if (parcel && parcel.id === captured.parcelId) {
            // The station stores it: a first weight makes the parcel weighed; a decided one is decided again.
            parcel = { id: parcel.id, weighing: parcel.weighing === 'decided' ? 'decided' : 'scale', mass: captured.value };
            tell();
          }
        }
      }
      return captures.slice(before);
    },
    decide() {
      if (parcel?.weighing === 'scale' || parcel?.weighing === 'typed') {
        parcel = { ...parcel, weighing: parcel.weighing === 'typed' ? 'typed' : 'decided' };
        tell();
      }
    },
    typeWeight() {
      if (parcel?.weighing === 'awaiting') {
        parcel = { id: parcel.id, weighing: 'typed' };
        tell();
      }
    },
    print() {
      if (parcel?.weighing === 'decided' || parcel?.weighing === 'typed') {
        parcel = { id: parcel.id, weighing: 'locked' };
        tell();
      }
    },
    cancel() {
      parcel = null;
      tell();
    },
  };
}
