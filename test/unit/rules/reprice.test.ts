import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../shared/rules/decideVerdict.ts';
import { reproduceReprice } from '../../../shared/rules/reprice.ts';
import { VerdictSchema } from '../../../shared/rules/verdict.ts';
import { dims, manifest, mass, sampleContext } from './ruleFixtures.ts';

function storedVerdict() {
  const m = manifest({ destination: 'KR', estimateMinor: 3000 });
  const v = decideVerdict({ manifest: m, measuredMass: mass('1.8', 'kg'), dims: dims('30', '25', '20', 'cm'), damaged: false, context: sampleContext('KR', 'CHI') });
  // As the station stores it: JSON in intakes.verdict_json, parsed back with the contract schema.
  return VerdictSchema.parse(JSON.parse(JSON.stringify(v)));
}

describe('a stored reprice reproduces exactly from its own inputs', () => {
  it('card B KR: $32.55 against a $30.00 estimate', () => {
    const v = storedVerdict();
    expect(v.reprice).toMatchObject({ priceMinor: 3255, deltaMinor: 255, freightMinor: 3000, fuelMinor: 255, rateCardId: 'card-b-KR' });
    expect(v.reprice && reproduceReprice(v.reprice)).toEqual({ ok: true });
  });

  it('does not need the reference data any more (the card travels with the record)', () => {
    const v = storedVerdict();
    expect(v.reprice?.inputs?.rateCard.fuelPercent).toBe('8.5');
  });

  it('detects a tampered figure', () => {
    const v = storedVerdict();
    if (!v.reprice) throw new Error('no reprice');
    const r = reproduceReprice({ ...v.reprice, priceMinor: 3200 });
    expect(r).toMatchObject({ ok: false, code: 'MISMATCH' });
  });

  it('detects a tampered input', () => {
    const v = storedVerdict();
    if (!v.reprice?.inputs) throw new Error('no inputs');
    const r = reproduceReprice({ ...v.reprice, inputs: { ...v.reprice.inputs, measuredMass: mass('2.7', 'kg') } });
    expect(r).toMatchObject({ ok: false, code: 'MISMATCH' });
  });

  it('an older record without inputs is reported, not guessed', () => {
    const v = storedVerdict();
    if (!v.reprice) throw new Error('no reprice');
    const { inputs: _inputs, ...bare } = v.reprice;
    expect(reproduceReprice(bare)).toMatchObject({ ok: false, code: 'INPUTS_MISSING' });
  });
});
