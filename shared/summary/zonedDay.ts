/**
 * A warehouse's day in its own time zone, DST-correct, with Intl only (no clock read here: every function takes the
 * instant or the date it works on). A local day is the span from one local midnight to the next, so it has 23, 24 or
 * 25 hours; its hour buckets are the real elapsed hours from local midnight, each labelled with its local clock hour
 * and zone abbreviation, so the repeated 01:00 of a fall-back day is two buckets ("01:00 PDT", "01:00 PST").
 */
const HOUR_MS = 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface HourBucket {
  /** First instant of the hour (epoch ms, inclusive). */
  readonly start: number;
  /** First instant after it (exclusive). */
  readonly end: number;
  /** The local clock hour and zone: "13:00 PDT". */
  readonly label: string;
}

export interface LocalDay {
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number; zoneName: string }

function localParts(epochMs: number, timeZone: string): LocalParts {
  const parts = partsFormatter(timeZone).formatToParts(new Date(epochMs));
  const text = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const num = (type: Intl.DateTimeFormatPartTypes): number => Number(text(type));
  return { year: num('year'), month: num('month'), day: num('day'), hour: num('hour'), minute: num('minute'), second: num('second'), zoneName: text('timeZoneName') };
}

/** The zone's offset from UTC at an instant, in minutes (Los Angeles in summer: -420). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date of an instant: "2026-03-08". */
export function localDate(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

/** The instant of local midnight starting `date` (zones whose DST change skips midnight are not warehouse zones). */
function localMidnight(date: string, timeZone: string): number {
  const m = DATE_RE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two rounds find the offset in force at that midnight, also when it differs from the offset at UTC midnight.
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/** The next calendar date: "2026-03-08" → "2026-03-09". */
export function nextDate(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** The span of a local day. */
export function localDay(date: string, timeZone: string): LocalDay {
  return { date, start: localMidnight(date, timeZone), end: localMidnight(nextDate(date), timeZone) };
}

/** The real hours of a local day (23 on a spring-forward day, 25 on a fall-back day), oldest first. */
export function dayHourBuckets(date: string, timeZone: string): HourBucket[] {
  const day = localDay(date, timeZone);
  const buckets: HourBucket[] = [];
  for (let start = day.start; start < day.end; start += HOUR_MS) {
    const p = localParts(start, timeZone);
    buckets.push({ start, end: Math.min(start + HOUR_MS, day.end), label: `${pad(p.hour)}:00 ${p.zoneName}` });
  }
  return buckets;
}

/** The index of the bucket holding an instant, or -1 outside the day. */
export function bucketIndex(buckets: readonly HourBucket[], epochMs: number): number {
  const first = buckets[0];
  if (!first || epochMs < first.start) return -1;
  const i = Math.floor((epochMs - first.start) / HOUR_MS);
  const b = buckets[i];
  return b !== undefined && epochMs < b.end ? i : -1;
}
