/**
 * The lead's day summary at this station: reads the day's intakes and the hold shelf and hands them to the pure
 * summariser (shared/summary/), in the warehouse's own time zone. The day defaults to today there, by station time.
 */
import type { Database } from 'better-sqlite3';
import type { DaySummary } from '../../shared/contract/summary.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { WAREHOUSE_TIME_ZONES } from '../../shared/printing/slipDate.ts';
import { summarizeDay } from '../../shared/summary/daySummary.ts';
import { localDate, localDay } from '../../shared/summary/zonedDay.ts';
import { intakesCreatedBetween, openHoldsForSummary } from '../db/queries/summary.ts';

export interface SummaryDeps {
  readonly db: Database;
  readonly warehouse: () => Warehouse;
  /** Station time (electron/holds/stationClock.ts). */
  readonly now: () => number;
}

export function daySummary(deps: SummaryDeps, date: string | undefined): DaySummary {
  const warehouse = deps.warehouse();
  const timeZone = WAREHOUSE_TIME_ZONES[warehouse];
  const at = deps.now();
  const day = date ?? localDate(at, timeZone);
  const span = localDay(day, timeZone);
  return summarizeDay({
    date: day, warehouse, timeZone, at,
    intakes: intakesCreatedBetween(deps.db, span.start, span.end),
    openHolds: openHoldsForSummary(deps.db),
  });
}
