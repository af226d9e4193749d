import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketIndex, dayHourBuckets, isCalendarDate, localDate, localDay, nextDate, zoneOffsetMinutes } from '../../../shared/summary/zonedDay.ts';

const LA = 'America/Los_Angeles';
const CHI = 'America/Chicago';
const H = 3_600_000;

describe('local days and hour buckets in the warehouse zone', () => {
  it('an ordinary day has 24 hours from local midnight', () => {
    const b = dayHourBuckets('2026-06-15', LA);
    expect(b).toHaveLength(24);
    expect(b[0]?.start).toBe(Date.UTC(2026, 5, 15, 7)); // 00:00 PDT = 07:00 UTC
    expect(b[0]?.label).toBe('00:00 PDT');
    expect(b[23]?.label).toBe('23:00 PDT');
  });

  it('spring forward (LA, 2026-03-08) has 23 hours and no 02:00', () => {
    const b = dayHourBuckets('2026-03-08', LA);
    expect(b).toHaveLength(23);
    expect(b.map((x) => x.label).slice(0, 4)).toEqual(['00:00 PST', '01:00 PST', '03:00 PDT', '04:00 PDT']);
    expect(b[0]?.start).toBe(Date.UTC(2026, 2, 8, 8));
    expect(b.at(-1)?.end).toBe(Date.UTC(2026, 2, 9, 7));
    // 01:59:59 PST and 03:00 PDT are one real second apart and fall in consecutive buckets.
    const lastPst = Date.UTC(2026, 2, 8, 9, 59, 59);
    expect(bucketIndex(b, lastPst)).toBe(1);
    expect(bucketIndex(b, lastPst + 1000)).toBe(2);
  });

  it('fall back (LA, 2026-11-01) has 25 hours with 01:00 twice, PDT then PST', () => {
    const b = dayHourBuckets('2026-11-01', LA);
    expect(b).toHaveLength(25);
    expect(b.map((x) => x.label).slice(0, 4)).toEqual(['00:00 PDT', '01:00 PDT', '01:00 PST', '02:00 PST']);
    // 01:30 PDT (08:30 UTC) and 01:30 PST (09:30 UTC) are different buckets.
    expect(bucketIndex(b, Date.UTC(2026, 10, 1, 8, 30))).toBe(1);
    expect(bucketIndex(b, Date.UTC(2026, 10, 1, 9, 30))).toBe(2);
    expect(b.at(-1)?.label).toBe('23:00 PST');
  });

  it('Chicago changes at its own 02:00, one real hour before Los Angeles', () => {
    const spring = dayHourBuckets('2026-03-08', CHI);
    expect(spring).toHaveLength(23);
    expect(spring[2]).toMatchObject({ label: '03:00 CDT', start: Date.UTC(2026, 2, 8, 8) });
    const fall = dayHourBuckets('2026-11-01', CHI);
    expect(fall).toHaveLength(25);
    expect(fall[2]).toMatchObject({ label: '01:00 CST', start: Date.UTC(2026, 10, 1, 7) });
  });

  it('the day a UTC evening belongs to is the local one', () => {
    expect(localDate(Date.UTC(2026, 10, 21, 6, 59), LA)).toBe('2026-11-20');
    expect(localDate(Date.UTC(2026, 10, 21, 8, 0), LA)).toBe('2026-11-21');
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), CHI)).toBe(-300);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), CHI)).toBe(-360);
  });

  it('calendar dates are checked', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('over any instant in 2024–2030, in both zones: the instant lies in exactly one hour of its own local day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }), fc.constantFrom(LA, CHI), (t, zone) => {
        const date = localDate(t, zone);
        const day = localDay(date, zone);
        expect(t).toBeGreaterThanOrEqual(day.start);
        expect(t).toBeLessThan(day.end);
        const buckets = dayHourBuckets(date, zone);
        // Buckets tile the day without gaps, each one real hour.
        expect(buckets[0]?.start).toBe(day.start);
        expect(buckets.at(-1)?.end).toBe(day.end);
        buckets.forEach((b, i) => {
          expect(b.end - b.start).toBe(H);
          if (i > 0) expect(b.start).toBe(buckets[i - 1]?.end);
        });
        expect([23, 24, 25]).toContain(buckets.length);
        const i = bucketIndex(buckets, t);
        expect(i).toBeGreaterThanOrEqual(0);
        const hour = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(t));
        expect(buckets[i]?.label.startsWith(`${hour}:00`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
