/**
 * The lookup screen's forms (renderer/lookup/lookupForm.ts): the search box's text wins over the filters, each
 * filter is sent only when set, and a correction is refused in plain words until it has a reason and a change; every
 * request the forms make is one the contract's schema accepts (fast-check over any form contents).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { correctionRequestOf, EMPTY_CORRECTION, EMPTY_SEARCH, reasonWords, searchRequestOf } from '../../../renderer/lookup/lookupForm.ts';
import { CorrectionRequestSchema, LookupSearchRequestSchema } from '../../../shared/contract/lookup.ts';

const units = { mass: 'lb', length: 'in' } as const;
const id = randomUUID();

describe('the search form', () => {
  it('sends the text alone when there is text, and only the filters that are set otherwise', () => {
    expect(searchRequestOf({ ...EMPTY_SEARCH, text: ' APELAX1 ', decision: 'HOLD' }, null)).toEqual({ text: 'APELAX1', limit: 25 });
    expect(searchRequestOf({ ...EMPTY_SEARCH, day: '2026-12-04', decision: 'HOLD', reason: 'ID_MISSING', operator: ' ANA ' }, { createdAt: 5, intakeId: id }))
      .toEqual({ day: '2026-12-04', decision: 'HOLD', reason: 'ID_MISSING', operator: 'ANA', limit: 25, after: { createdAt: 5, intakeId: id } });
    expect(searchRequestOf({ ...EMPTY_SEARCH, decision: 'MAYBE', reason: 'NOPE' }, null)).toEqual({ limit: 25 });
  });

  it('the contract keeps a number as typed or scanned: never masked like a phone number, hidden characters stripped', () => {
    expect(LookupSearchRequestSchema.parse({ text: '774900113112', limit: 5 }).text).toBe('774900113112');
    expect(LookupSearchRequestSchema.parse({ text: '9400\u200b111899223000288157 ', limit: 5 }).text).toBe('9400111899223000288157');
  });

  it('every search it makes passes the contract', () => {
    const field = fc.string({ maxLength: 30 });
    fc.assert(fc.property(fc.record({ text: field, day: fc.constantFrom('', '2026-01-31'), decision: fc.constantFrom('', 'ACCEPT', 'x'), reason: fc.constantFrom('', 'OVERWEIGHT', 'y'), operator: fc.stringMatching(/^[A-Z ]{0,8}$/) }), (form) => {
      const request = searchRequestOf(form, null);
      expect(LookupSearchRequestSchema.safeParse(request).success).toBe(true);
    }));
  });
});

describe('the correction form', () => {
  it('needs a reason and at least one change, and says so', () => {
    expect(correctionRequestOf({ ...EMPTY_CORRECTION, weight: '3' }, id, units, id)).toMatchObject({ ok: false, message: expect.stringMatching(/why/) });
    expect(correctionRequestOf({ ...EMPTY_CORRECTION, reason: 'wrong scale' }, id, units, id)).toMatchObject({ ok: false, message: expect.stringMatching(/Change the weight/) });
    expect(correctionRequestOf({ ...EMPTY_CORRECTION, reason: 'wrong scale', length: '12' }, id, units, id)).toMatchObject({ ok: false, message: expect.stringMatching(/all three sides/) });
    expect(correctionRequestOf({ ...EMPTY_CORRECTION, reason: 'wrong scale', weight: 'heavy' }, id, units, id)).toMatchObject({ ok: false });
  });

  it('sends only what changes, in the screen\'s units', () => {
    expect(correctionRequestOf({ ...EMPTY_CORRECTION, reason: 'wrong scale', weight: '50', damaged: 'no' }, id, units, id)).toEqual({
      ok: true, request: { commandId: id, intakeId: id, reason: 'wrong scale', weight: { value: '50', unit: 'lb' }, damaged: false },
    });
    const sized = correctionRequestOf({ ...EMPTY_CORRECTION, reason: 'measured again', length: '60', width: '10', height: '8' }, id, { mass: 'kg', length: 'cm' }, id);
    expect(sized).toEqual({ ok: true, request: { commandId: id, intakeId: id, reason: 'measured again', dims: { length: '60', width: '10', height: '8', unit: 'cm' } } });
  });

  it('whatever is typed, what it accepts the contract accepts too', () => {
    const num = fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}(\.\d)?$/), fc.string({ maxLength: 4 }));
    fc.assert(fc.property(fc.record({ reason: fc.stringMatching(/^[a-z ]{0,12}$/), weight: num, length: num, width: num, height: num, damaged: fc.constantFrom('same', 'yes', 'no') as fc.Arbitrary<'same' | 'yes' | 'no'> }), (form) => {
      const check = correctionRequestOf(form, id, units, id);
      if (check.ok) expect(CorrectionRequestSchema.safeParse(check.request).success).toBe(true);
    }));
  });

  it('words reason codes plainly', () => {
    expect(reasonWords('ID_MISSING')).toBe('ID missing');
    expect(reasonWords('DAMAGED_PACKAGING')).toBe('Damaged packaging');
  });
});
