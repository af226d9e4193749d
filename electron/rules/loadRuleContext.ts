/**
 * The rule context for one verdict, from the station database: loadRuleContext(db, destination, now, options).
 * Returns a typed error (never a silent default) when a reference document is corrupt, when the station has no rate
 * cards at all, when no prohibited-goods rules apply to the destination, or when two rate cards tie.
 * A destination with rules but no rate card in force is "not served" (the verdict returns the parcel).
 */
import type { Database } from 'better-sqlite3';
import type { Destination, Warehouse } from '../../shared/manifest/destinations.ts';
import { contextFromParsed, type RuleContextResult } from '../../shared/rules/ruleContext.ts';
import type { WeightTolerance } from '../../shared/rules/weightTolerance.ts';
import { loadReferenceData } from './referenceDocRows.ts';

export interface RuleContextOptions {
  /** The station's warehouse (settings.warehouse): selects warehouse-specific rate cards. */
  readonly warehouse: Warehouse;
  /** Defaults to DEFAULT_WEIGHT_TOLERANCE (10 % and 0.5 lb). */
  readonly weightTolerance?: WeightTolerance;
}

export function loadRuleContext(db: Database, destination: Destination | null, now: number, options: RuleContextOptions): RuleContextResult {
  const data = loadReferenceData(db);
  if (!data.ok) return data;
  return contextFromParsed(data.data, {
    destination,
    warehouse: options.warehouse,
    at: now,
    ...(options.weightTolerance ? { weightTolerance: options.weightTolerance } : {}),
  });
}
