/**
 * A warehouse's calendar day as an instant range (electron/station/warehouseDay.ts), across DST in both zones:
 * the day the clocks go forward is 23 hours, the day they go back 25, and every instant belongs to exactly the
 * day warehouseDayOf names (fast-check over a few years of instants).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { warehouseDayOf, warehouseDayRange } from '../../../electron/station/warehouseDay.ts';

const HOUR = 3_600_000;

describe('warehouse days', () => {
  it('midnight in Los Angeles and Chicago, and DST days of 23 and 25 hours', () => {
    expect(warehouseDayRange('2026-12-04', 'LAX')).toEqual({ from: Date.UTC(2026, 11, 4, 8), to: Date.UTC(2026, 11, 5, 8) });
    expect(warehouseDayRange('2026-07-04', 'CHI')).toEqual({ from: Date.UTC(2026, 6, 4, 5), to: Date.UTC(2026, 6, 5, 5) });
    const spring = warehouseDayRange('2026-03-08', 'LAX')!;
    expect(spring.to - spring.from).toBe(23 * HOUR);
    const fall = warehouseDayRange('2026-11-01', 'CHI')!;
    expect(fall.to - fall.from).toBe(25 * HOUR);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(warehouseDayRange('2026-02-30', 'LAX')).toBeNull();
    expect(warehouseDayRange('2026-13-01', 'CHI')).toBeNull();
  });

  it('every instant lies in the range of its own day', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom('LAX', 'CHI') as fc.Arbitrary<'LAX' | 'CHI'>, (at, warehouse) => {
      const range = warehouseDayRange(warehouseDayOf(at, warehouse), warehouse)!;
      expect(at >= range.from && at < range.to).toBe(true);
    }));
  });
});
