import { z } from 'zod';
import { WAREHOUSES } from '../manifest/destinations.ts';
import { DEFAULT_WEDGE_CONFIG, WedgeConfigSchema } from '../scan/wedgeDetector.ts';
import { workerText } from './safeText.ts';
import { OPERATOR_MAX_LENGTH } from './limits.ts';

/** Local station settings (HQ-delivered policy such as rate cards lives in reference data, not here). */
export const StationSettingsSchema = z.object({
  stationId: z.string().regex(/^[A-Z]{3}-[A-Z0-9-]{1,20}$/),
  warehouse: z.enum(WAREHOUSES),
  operator: workerText({ min: 1, max: OPERATOR_MAX_LENGTH }),
  /** How long a stable, positive weight must hold before it is captured automatically. */
  autoCaptureSettleMs: z.number().int().min(0).max(10_000),
  /** Below this many grams the platform counts as empty: a parcel must be taken off before the next is weighed. */
  autoCaptureEmptyBelowG: z.number().int().min(0).max(1000).default(20),
  /** Settled weights further apart than this many grams are different loads (a new parcel, or a corrected weight). */
  autoCaptureChangeToleranceG: z.number().int().min(1).max(5000).default(50),
  /** The warehouse's policy: must every parcel be measured before it is decided? (false: decided on its weight alone) */
  sizeRequired: z.boolean().default(true),
  /** Minutes without use after which the person signed in is signed out. */
  idleSignOutMinutes: z.number().int().min(1).max(240).default(10),
  /** The bench's sounds (accept, hold, return, error): loudness from 0 to 1, and whether they are muted. */
  soundVolume: z.number().min(0).max(1).default(0.7),
  soundMuted: z.boolean().default(false),
  displayMassUnit: z.enum(['lb', 'kg']),
  displayLengthUnit: z.enum(['in', 'cm']),
  /** How keyboard-wedge scanners are told from typing: prefix, suffix keys, timing (shared/scan/wedgeDetector.ts). */
  wedge: WedgeConfigSchema.default(DEFAULT_WEDGE_CONFIG),
});
export type StationSettings = z.infer<typeof StationSettingsSchema>;

export const DEFAULT_SETTINGS: StationSettings = {
  stationId: 'LAX-DEMO-1',
  warehouse: 'LAX',
  operator: 'demo',
  autoCaptureSettleMs: 600,
  autoCaptureEmptyBelowG: 20,
  autoCaptureChangeToleranceG: 50,
  sizeRequired: true,
  idleSignOutMinutes: 10,
  soundVolume: 0.7,
  soundMuted: false,
  displayMassUnit: 'lb',
  displayLengthUnit: 'in',
  wedge: DEFAULT_WEDGE_CONFIG,
};
