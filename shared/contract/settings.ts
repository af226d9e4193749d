import { z } from 'zod';
import { WAREHOUSES } from '../manifest/destinations.ts';
import { DEFAULT_WEDGE_CONFIG, WedgeConfigSchema } from '../scan/wedgeDetector.ts';

/** Local station settings (HQ-delivered policy such as rate cards lives in reference data, not here). */
export const StationSettingsSchema = z.object({
  stationId: z.string().regex(/^[A-Z]{3}-[A-Z0-9-]{1,20}$/),
  warehouse: z.enum(WAREHOUSES),
  operator: z.string().min(1).max(60),
  /** How long a stable, positive weight must hold before it is captured automatically. */
  autoCaptureSettleMs: z.number().int().min(0).max(10_000),
  /** Below this many grams the platform counts as empty: a parcel must be taken off before the next is weighed. */
  autoCaptureEmptyBelowG: z.number().int().min(0).max(1000).default(20),
  /** Settled weights further apart than this many grams are different loads (a new parcel, or a corrected weight). */
  autoCaptureChangeToleranceG: z.number().int().min(1).max(5000).default(50),
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
  displayMassUnit: 'lb',
  displayLengthUnit: 'in',
  wedge: DEFAULT_WEDGE_CONFIG,
};
