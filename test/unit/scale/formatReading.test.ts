import { describe, expect, it } from 'vitest';
import { decimalsOfResolution, formatReading } from '../../../shared/scale/formatReading.ts';
import { mass } from './scaleTestHelpers.ts';

describe('formatReading', () => {
  it('shows a reading at the decimals of its resolution', () => {
    expect(formatReading({ value: mass('2.5', 'lb'), unit: 'lb', resolution: mass('0.01', 'lb') })).toBe('2.50 lb');
    expect(formatReading({ value: mass('12.345', 'kg'), unit: 'kg', resolution: mass('0.005', 'kg') })).toBe('12.345 kg');
    expect(formatReading({ value: mass('1200', 'g'), unit: 'g', resolution: mass('100', 'g') })).toBe('1200 g');
    expect(formatReading({ value: -mass('0.12', 'lb'), unit: 'lb', resolution: mass('0.02', 'lb') })).toBe('-0.12 lb');
    expect(formatReading({ value: mass('40', 'lb') + mass('5.2', 'oz'), unit: 'lb-oz', resolution: mass('0.1', 'oz') })).toBe('40 lb 5.2 oz');
  });

  it('finds the fewest decimals that hold the resolution', () => {
    expect(decimalsOfResolution(mass('0.005', 'kg'), 'kg')).toBe(3);
    expect(decimalsOfResolution(mass('0.2', 'g'), 'g')).toBe(1);
    expect(decimalsOfResolution(mass('5', 'lb'), 'lb')).toBe(0);
  });
});
