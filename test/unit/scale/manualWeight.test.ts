import { describe, expect, it } from 'vitest';
import { validateManualWeight } from '../../../shared/scale/manualWeight.ts';
import { mass } from './scaleTestHelpers.ts';

describe('manual weight entry', () => {
  it('accepts an exact positive weight with a reason', () => {
    expect(validateManualWeight({ text: ' 3.20 ', unit: 'lb', reason: '  scale broken  ' })).toEqual({ ok: true, value: mass('3.2', 'lb'), unit: 'lb', reason: 'scale broken' });
  });

  it('requires a reason', () => {
    expect(validateManualWeight({ text: '3.2', unit: 'lb', reason: '' })).toEqual({ ok: false, error: 'reasonRequired' });
    expect(validateManualWeight({ text: '3.2', unit: 'lb', reason: '  x ' })).toEqual({ ok: false, error: 'reasonRequired' });
  });

  it('rejects text that is not an exact weight, and zero or negative weights', () => {
    expect(validateManualWeight({ text: '3,2', unit: 'lb', reason: 'scale broken' })).toEqual({ ok: false, error: 'invalidWeight' });
    expect(validateManualWeight({ text: '1e3', unit: 'g', reason: 'scale broken' })).toEqual({ ok: false, error: 'invalidWeight' });
    expect(validateManualWeight({ text: '600', unit: 'kg', reason: 'scale broken' })).toEqual({ ok: false, error: 'invalidWeight' });
    expect(validateManualWeight({ text: '0', unit: 'kg', reason: 'scale broken' })).toEqual({ ok: false, error: 'notPositive' });
    expect(validateManualWeight({ text: '-1', unit: 'kg', reason: 'scale broken' })).toEqual({ ok: false, error: 'notPositive' });
    expect(validateManualWeight({ text: 3.2, unit: 'lb', reason: 'scale broken' })).toEqual({ ok: false, error: 'invalidWeight' });
  });
});
