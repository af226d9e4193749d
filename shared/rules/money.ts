/**
 * Money as integer minor units with an ISO 4217 currency. Rate cards may only use the currencies listed here, each
 * with its number of minor digits, so formatting never guesses.
 */
import { formatScaled } from '../units/decimal.ts';

export const CURRENCY_MINOR_DIGITS = {
  USD: 2,
  CNY: 2,
  HKD: 2,
  KRW: 0,
  JPY: 0,
  TWD: 2,
  SGD: 2,
  THB: 2,
  PHP: 2,
  MYR: 2,
} as const;
export type Currency = keyof typeof CURRENCY_MINOR_DIGITS;
export const CURRENCIES = Object.keys(CURRENCY_MINOR_DIGITS) as [Currency, ...Currency[]];

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_MINOR_DIGITS, code);
}

/** "$21.50" for USD, "30000 KRW" / "12.40 SGD" for others. Exact: integer minor units, no floating point. */
export function formatMoney(minor: number, currency: Currency): string {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  const negative = minor < 0;
  const text = formatScaled(BigInt(Math.abs(minor)), digits);
  const sign = negative ? '-' : '';
  return currency === 'USD' ? `${sign}$${text}` : `${sign}${text} ${currency}`;
}
