import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CURRENCIES, CURRENCY_MINOR_DIGITS, formatMoney, type Currency } from '../../../shared/rules/money.ts';

describe('formatMoney: integer minor units with the currency minor-unit exponent', () => {
  it.each([
    ['USD', 2150, '$21.50'],
    ['USD', 5, '$0.05'],
    ['USD', -2150, '-$21.50'],
    ['KRW', 30000, '30000 KRW'],
    ['KRW', -450, '-450 KRW'],
    ['JPY', 1200, '1200 JPY'],
    ['JPY', 7, '7 JPY'],
    ['CNY', 12345, '123.45 CNY'],
    ['HKD', 100, '1.00 HKD'],
    ['TWD', 99, '0.99 TWD'],
    ['SGD', 1240, '12.40 SGD'],
    ['THB', 50000, '500.00 THB'],
    ['PHP', 1, '0.01 PHP'],
    ['MYR', 123456789, '1234567.89 MYR'],
  ] as const)('%s %i → %s', (currency, minor, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('every listed currency is covered, KRW and JPY with no decimals', () => {
    expect([...CURRENCIES].sort()).toEqual(['CNY', 'HKD', 'JPY', 'KRW', 'MYR', 'PHP', 'SGD', 'THB', 'TWD', 'USD']);
    expect(CURRENCIES.filter((c) => CURRENCY_MINOR_DIGITS[c] === 0).sort()).toEqual(['JPY', 'KRW']);
  });

  it('shows exactly the exponent in decimals and reads back to the same minor units, for any amount', () => {
    fc.assert(
      fc.property(fc.constantFrom<Currency>(...CURRENCIES), fc.integer({ min: -1e12, max: 1e12 }), (currency, minor) => {
        const text = formatMoney(minor, currency);
        const number = text.replace('$', '').replace(` ${currency}`, '');
        const digits = CURRENCY_MINOR_DIGITS[currency];
        expect(number.split('.')[1]?.length ?? 0).toBe(digits);
        expect(BigInt(number.replace('.', ''))).toBe(BigInt(minor));
      }),
    );
  });
});
