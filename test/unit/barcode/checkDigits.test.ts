/** Worked examples of each check-digit scheme, from ../shared/reference/barcodes.md §1 and §6. */
import { describe, expect, it } from 'vitest';
import { gs1Mod10CheckDigit, hasValidGs1Mod10 } from '../../../shared/barcode/checkDigits/gs1Mod10.ts';
import { iso7064Mod11_2CheckChar } from '../../../shared/barcode/checkDigits/iso7064Mod11_2.ts';
import { mod7CheckDigit } from '../../../shared/barcode/checkDigits/mod7.ts';
import { s10CheckDigit } from '../../../shared/barcode/checkDigits/s10CheckDigit.ts';
import { upsCharValue, upsCheckDigit } from '../../../shared/barcode/checkDigits/upsMod10.ts';
import { weighted137Mod11CheckDigit, weighted137Remainder } from '../../../shared/barcode/checkDigits/weighted137Mod11.ts';

describe('GS1 mod 10', () => {
  it('gives 0 for the Pub 199 PIC body 921239123456781234567 (sum 180)', () => {
    expect(gs1Mod10CheckDigit('921239123456781234567')).toBe(0);
  });
  it('gives 7 for the SSCC body 00012345000000002 (sum 33)', () => {
    expect(gs1Mod10CheckDigit('00012345000000002')).toBe(7);
  });
  it('accepts complete numbers only when the last digit matches', () => {
    expect(hasValidGs1Mod10('000123450000000027')).toBe(true);
    expect(hasValidGs1Mod10('000123450000000028')).toBe(false);
    expect(hasValidGs1Mod10('0001234500000000A7')).toBe(false);
    expect(hasValidGs1Mod10('7')).toBe(false);
  });
});

describe('UPS 1Z', () => {
  it('maps letters to (ASCII − 63) mod 10 as in the reference table', () => {
    expect([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map(upsCharValue).join('')).toBe('23456789012345678901234567');
    expect(upsCharValue('7')).toBe(7);
  });
  it('gives 0 for 879E93034683444 (odd 46 + 2 × even 32 = 110)', () => {
    expect(upsCheckDigit('879E93034683444')).toBe(0);
  });
});

describe('FedEx Express mod 11 (weights 1, 3, 7 from the right)', () => {
  it('gives 5 for 98657878885 (sum 269, 269 mod 11 = 5)', () => {
    expect(weighted137Remainder('98657878885')).toBe(5);
    expect(weighted137Mod11CheckDigit('98657878885')).toBe(5);
  });
  it('maps remainder 10 to check digit 0', () => {
    // 7·1 + 1·3 = 10
    expect(weighted137Remainder('17')).toBe(10);
    expect(weighted137Mod11CheckDigit('17')).toBe(0);
  });
});

describe('UPU S10', () => {
  it('gives 5 for serial 12345678 (S = 204, 204 mod 11 = 6, 11 − 6 = 5)', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
  });
  it('maps C = 10 to 0 and C = 11 to 5', () => {
    expect(s10CheckDigit('00000000')).toBe(5); // S = 0 → C = 11 → 5
    // S = 1 needs a weight-1 position; none exists, so use 8·x: serial 00000003 → 21 → 21 mod 11 = 10 → C = 1
    expect(s10CheckDigit('00000003')).toBe(1);
    // S mod 11 = 1 → C = 10 → 0: 2·6 = 12 → 12 mod 11 = 1 (digit 6 at the weight-2 position)
    expect(s10CheckDigit('00060000')).toBe(0);
  });
});

describe('DHL Express mod 7', () => {
  it('gives 5 for 331881002', () => {
    expect(mod7CheckDigit('331881002')).toBe(5);
  });
  it('works for 10-digit bodies beyond 2^31 without precision loss', () => {
    expect(mod7CheckDigit('7389105114')).toBe(7389105114 % 7);
  });
});

describe('ISO 7064 MOD 11-2', () => {
  it('gives X for the GB 11643-1999 example 11010519491231002 (S = 167, R = 2)', () => {
    expect(iso7064Mod11_2CheckChar('11010519491231002')).toBe('X');
  });
});
