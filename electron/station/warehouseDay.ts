/**
 * A calendar day in a warehouse's own time zone as an epoch-millisecond range [from, to): "2026-03-08" at LAX is
 * 23 hours long (the clocks go forward), "2026-11-01" 25 hours. Uses Intl, so the zone rules are the runtime's.
 */
import { WAREHOUSE_TIME_ZONES } from '../../shared/printing/slipDate.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';

/** How far the zone's wall clock is ahead of UTC at `epochMs` (negative west of Greenwich). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const n = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` reads midnight at the start of the given date. */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day);
  const guess = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(guess, timeZone);
}

/** The day "YYYY-MM-DD" at the warehouse, or null when it is not a real date. */
export function warehouseDayRange(day: string, warehouse: Warehouse): { from: number; to: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  const timeZone = WAREHOUSE_TIME_ZONES[warehouse];
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return { from: localMidnight(year, month, date, timeZone), to: localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone) };
}

/** The warehouse's calendar day of an instant, "YYYY-MM-DD". */
export function warehouseDayOf(epochMs: number, warehouse: Warehouse): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: WAREHOUSE_TIME_ZONES[warehouse], year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}
