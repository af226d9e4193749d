import { describe, expect, it } from 'vitest';
import { formatLength, lengthFromDecimal, parseDimensionsText, ceilLengthToWhole } from '../../../shared/units/length.ts';

describe('exact length', () => {
  it('compares the 59 in limit exactly in inches and centimetres', () => {
    const limit = lengthFromDecimal('59', 'in')!;
    expect(lengthFromDecimal('59.0', 'in')).toBe(limit);
    expect(lengthFromDecimal('59.1', 'in')!).toBeGreaterThan(limit);
    expect(lengthFromDecimal('149.86', 'cm')).toBe(limit);
    expect(lengthFromDecimal('149.87', 'cm')!).toBeGreaterThan(limit);
    expect(lengthFromDecimal('150', 'cm')!).toBeGreaterThan(limit);
  });

  it('parses dimension text and formats', () => {
    const parsed = parseDimensionsText('12x10x8in')!;
    expect(parsed.unit).toBe('in');
    expect(formatLength(parsed.dims.length, 'cm', 2)).toBe('30.48');
    expect(parseDimensionsText('30 x 25 x 20 cm')?.dims.height).toBe(lengthFromDecimal('20', 'cm'));
    expect(parseDimensionsText('12x10in')).toBeNull();
    expect(ceilLengthToWhole(lengthFromDecimal('17.01', 'in')!, 'in')).toBe(18);
  });
});
