/**
 * Display text of a reading at the scale's own resolution ("2.50 lb", "1.235 kg", "40 lb 5.2 oz"), for UIs and the
 * CLI. Exact: the number of decimals comes from the resolution, the digits from shared/units/mass.ts.
 */
import { formatLbOz, formatMass, massFromSteps, type MassUnit } from '../units/mass.ts';
import type { ScaleReading } from './reading.ts';

/** Fewest decimals of `unit` in which `resolution` is a whole number of steps (0–9). */
export function decimalsOfResolution(resolution: number, unit: MassUnit): number {
  for (let decimals = 0; decimals <= 9; decimals += 1) {
    const step = massFromSteps(1, -decimals, unit);
    if (step !== null && step > 0 && resolution % step === 0) return decimals;
  }
  return 9;
}

export function formatReading(reading: Pick<ScaleReading, 'value' | 'unit' | 'resolution'>): string {
  if (reading.unit === 'lb-oz') return formatLbOz(reading.value, decimalsOfResolution(reading.resolution, 'oz'));
  return `${formatMass(reading.value, reading.unit, decimalsOfResolution(reading.resolution, reading.unit))} ${reading.unit}`;
}
