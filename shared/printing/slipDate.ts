/**
 * The date and time printed on a slip, in the warehouse's own time zone (a slip is read on the dock, not at HQ):
 * "2026-11-21 06:04 PST". Uses Intl (ECMAScript), available in Node, Electron and Chromium.
 */
import type { Warehouse } from '../manifest/destinations.ts';

export const WAREHOUSE_TIME_ZONES: Readonly<Record<Warehouse, string>> = {
  LAX: 'America/Los_Angeles',
  CHI: 'America/Chicago',
};

export function formatSlipDateTime(epochMs: number, warehouse: Warehouse): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: WAREHOUSE_TIME_ZONES[warehouse],
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
