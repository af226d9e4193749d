import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LimitsConfigSchema, checkLimits, resolveLimits, sizeMeasures } from '../../../shared/rules/limits.ts';
import { dims, mass } from './ruleFixtures.ts';

describe('weight limit: 44 lb inclusive, exact in every unit', () => {
  // Each row: the same physical boundary written in lb, kg, oz and g (exact conversions: 1 lb = 453.59237 g).
  it.each([
    ['44', 'lb', 'pass'],
    ['44.00', 'lb', 'pass'],
    ['44.0001', 'lb', 'fail'],
    ['44.01', 'lb', 'fail'],
    ['43.9999', 'lb', 'pass'],
    ['19.95806428', 'kg', 'pass'], // exactly 44 lb
    ['19.958064281', 'kg', 'fail'], // 1 µg over
    ['19.96', 'kg', 'fail'],
    ['19.95', 'kg', 'pass'],
    ['704', 'oz', 'pass'], // 44 × 16
    ['704.0001', 'oz', 'fail'],
    ['19958.06428', 'g', 'pass'],
    ['19958.064281', 'g', 'fail'],
    ['20000', 'g', 'fail'], // 20 kg = 44.09 lb
  ] as const)('%s %s → %s', (value, unit, expected) => {
    const [weight] = checkLimits(mass(value, unit), null, DEFAULT_LIMITS);
    expect(weight.status).toBe(expected);
    expect(weight.codes).toEqual(expected === 'fail' ? ['OVERWEIGHT'] : []);
  });
});

describe('size limit: 59 in longest side inclusive, exact in in and cm', () => {
  it.each([
    ['59', 'in', 'pass'],
    ['59.0', 'in', 'pass'],
    ['59.0001', 'in', 'fail'],
    ['59.1', 'in', 'fail'],
    ['62', 'in', 'fail'],
    ['149.86', 'cm', 'pass'], // exactly 59 in
    ['149.8600001', 'cm', 'fail'],
    ['149.87', 'cm', 'fail'],
    ['150', 'cm', 'fail'], // 150 cm = 59.06 in
    ['149.85', 'cm', 'pass'],
  ] as const)('a %s %s side → %s', (value, unit, expected) => {
    const small = unit === 'in' ? '10' : '25';
    const [, size] = checkLimits(mass('1', 'lb'), dims(small, value, small, unit), DEFAULT_LIMITS);
    expect(size.status).toBe(expected);
    expect(size.codes).toEqual(expected === 'fail' ? ['OVERSIZE'] : []);
  });

  it('reports not_measured (not a pass, not a fail) without dimensions', () => {
    const [, size] = checkLimits(mass('1', 'lb'), null, DEFAULT_LIMITS);
    expect(size).toMatchObject({ status: 'not_measured', measured: null, codes: [] });
  });
});

describe('size rules are configurable', () => {
  const box = dims('40', '20', '15', 'in'); // longest 40, L+W+H 75, L+girth 40 + 70 = 110
  it('computes the three measures', () => {
    const m = sizeMeasures(box);
    expect([m.longestSide, m.threeSideSum, m.lengthPlusGirth]).toEqual([dims('40', '1', '1', 'in').length, dims('75', '1', '1', 'in').length, dims('110', '1', '1', 'in').length]);
  });
  it('uses the longest side even when the first side given is not the longest', () => {
    expect(sizeMeasures(dims('10', '50', '20', 'in')).longestSide).toBe(dims('50', '1', '1', 'in').length);
  });
  it.each([
    ['longest_side', '40', 'pass'],
    ['longest_side', '39.9999', 'fail'],
    ['three_side_sum', '75', 'pass'],
    ['three_side_sum', '74.9999', 'fail'],
    ['length_plus_girth', '110', 'pass'],
    ['length_plus_girth', '109.9999', 'fail'],
  ] as const)('%s with a limit of %s in → %s', (rule, limit, expected) => {
    const limits = resolveLimits(LimitsConfigSchema.parse({ maxWeight: { value: '44', unit: 'lb' }, maxSize: { value: limit, unit: 'in' }, sizeRule: rule }), 'rateCard');
    const [, size] = checkLimits(mass('1', 'lb'), box, limits);
    expect(size.status).toBe(expected);
  });
  it('a 150 cm three-side-sum limit is exact in inches too', () => {
    const limits = resolveLimits({ maxWeight: { value: '20', unit: 'kg' }, maxSize: { value: '150', unit: 'cm' }, sizeRule: 'three_side_sum' }, 'rateCard');
    expect(checkLimits(mass('1', 'kg'), dims('29.5275', '15', '14.5', 'in'), limits)[1].status).toBe('pass'); // 59.0275 in = 149.92985 cm
    expect(checkLimits(mass('1', 'kg'), dims('20', '20', '19.0552', 'in'), limits)[1].status).toBe('fail'); // 59.0552 in = 150.00021 cm
    expect(checkLimits(mass('20', 'kg'), null, limits)[0].status).toBe('pass');
    expect(checkLimits(mass('44.1', 'lb'), null, limits)[0].status).toBe('fail');
  });
  it('refuses a limit that is not exact in its unit', () => {
    expect(LimitsConfigSchema.safeParse({ maxWeight: { value: '44.00001', unit: 'lb' }, maxSize: { value: '59', unit: 'in' }, sizeRule: 'longest_side' }).success).toBe(false);
    expect(LimitsConfigSchema.safeParse({ maxWeight: { value: '44', unit: 'lb' }, maxSize: { value: '59', unit: 'in' }, sizeRule: 'diagonal' }).success).toBe(false);
  });
});
