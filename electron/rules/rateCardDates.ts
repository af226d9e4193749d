/** The earliest effectiveFrom of every rate card on the station (epoch ms), or null when there is none or they are unreadable. */
import type { Database } from 'better-sqlite3';
import { loadReferenceData } from './referenceDocRows.ts';

export function earliestRateCardFrom(db: Database): number | null {
  const data = loadReferenceData(db);
  if (!data.ok || data.data.rateCards.length === 0) return null;
  return Math.min(...data.data.rateCards.map((r) => Date.parse(r.card.effectiveFrom)));
}
