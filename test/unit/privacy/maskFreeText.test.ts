import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASKED_ID, MASKED_PHONE, maskFreeText, screenFreeText } from '../../../shared/privacy/maskFreeText.ts';

describe('free-text screening', () => {
  it.each([
    ['consignee ID 11010519491231002X on the box', `consignee ID ${MASKED_ID} on the box`],
    ['PCCC P123456789012 given', `PCCC ${MASKED_ID} given`],
    ['TW id A123456789.', `TW id ${MASKED_ID}.`],
    ['call 138 0013 8000 please', `call ${MASKED_PHONE} please`],
    ['phone +1 (310) 555-0134', `phone ${MASKED_PHONE}`],
    ['tel:010-1234-5678', `tel:${MASKED_PHONE}`],
  ])('masks %s', (input, expected) => {
    expect(maskFreeText(input)).toBe(expected);
  });

  it.each([
    'box crushed on 2026-11-01, weight 12.345 lb',
    'waybill APELAX1040000101 torn',
    'UPS 1Z4E81W20370000156 relabelled',
    'dims 40 x 30 x 20 cm',
    'shipper asked for it back',
  ])('leaves %s alone', (input) => {
    expect(maskFreeText(input)).toBe(input);
  });

  it('no ID-shaped or phone-shaped number survives, wherever it sits in a note', () => {
    const id = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom('0', '7', 'X')).map(([a, b]) => a + b),
      fc.stringMatching(/^P\d{12}$/),
      fc.stringMatching(/^[A-Z][12]\d{8}$/),
      fc.tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/)).map(([a, b, c]) => `${a}-${b}-${c}`),
    );
    const words = fc.array(fc.constantFrom('box', 'wet', 'call', 'ID', 'consignee', 'at', 'door'), { maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, id, words, (before, secret, after) => {
        const note = `${before} ${secret} ${after}`;
        const { text, masked } = screenFreeText(note);
        expect(text).not.toContain(secret);
        expect(masked.ids + masked.phones).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
