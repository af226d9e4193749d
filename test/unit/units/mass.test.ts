import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUANTA_PER, formatLbOz, formatMass, massFromDecimal, massFromSteps, parseMassText, ceilToWhole } from '../../../shared/units/mass.ts';

describe('exact mass', () => {
  it('converts the limit exactly: 44.00 lb is below 44.01 lb and 20 kg is above 44 lb', () => {
    const limit = massFromDecimal('44', 'lb');
    expect(massFromDecimal('44.00', 'lb')).toBe(limit);
    expect(massFromDecimal('44.01', 'lb')!).toBeGreaterThan(limit!);
    expect(massFromDecimal('20', 'kg')!).toBeGreaterThan(limit!);
    expect(massFromDecimal('19.95', 'kg')!).toBeLessThan(limit!);
    expect(massFromDecimal('704', 'oz')).toBe(limit);
  });

  it('holds every unit at scale resolutions as integers', () => {
    expect(massFromDecimal('0.1', 'oz')).toBe(Number(QUANTA_PER.oz) / 10);
    expect(massFromDecimal('0.0001', 'lb')).toBe(Number(QUANTA_PER.lb) / 10_000);
    expect(massFromDecimal('0.001', 'g')).toBe(16_000_000);
    expect(massFromSteps(1234, -2, 'lb')).toBe(massFromDecimal('12.34', 'lb'));
    expect(massFromSteps(5, 1, 'g')).toBe(massFromDecimal('50', 'g'));
  });

  it('refuses text it cannot hold exactly rather than rounding silently', () => {
    expect(massFromDecimal('0.00001', 'lb')).toBeNull();
    expect(massFromDecimal('1e3', 'g')).toBeNull();
    expect(massFromDecimal('12,5', 'kg')).toBeNull();
    expect(massFromDecimal('600', 'kg')).toBeNull();
  });

  it('formats and parses', () => {
    const m = massFromDecimal('3.2', 'lb')!;
    expect(formatMass(m, 'lb', 2)).toBe('3.20');
    expect(formatMass(m, 'kg', 3)).toBe('1.451');
    expect(formatLbOz(m)).toBe('3 lb 3.2 oz');
    expect(parseMassText('3.2lb')).toEqual({ mass: m, unit: 'lb' });
    expect(parseMassText(' 900 g ')?.unit).toBe('g');
    expect(parseMassText('3.2 stone')).toBeNull();
    expect(ceilToWhole(massFromDecimal('2.01', 'lb')!, 'lb')).toBe(3);
    expect(ceilToWhole(massFromDecimal('2', 'lb')!, 'lb')).toBe(2);
  });

  it('round-trips any 2-decimal weight in every unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom('lb' as const, 'kg' as const, 'oz' as const, 'g' as const), (hundredths, unit) => {
        const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        const mass = massFromDecimal(text, unit);
        return mass !== null && formatMass(mass, unit, 2) === text;
      }),
    );
  });
});
