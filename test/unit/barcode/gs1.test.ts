import { describe, expect, it } from 'vitest';
import { GS, looksLikeGs1Hri, parseGs1ElementStrings, parseGs1Hri } from '../../../shared/barcode/gs1.ts';

describe('parseGs1ElementStrings', () => {
  it('splits variable-length AIs on GS (USPS 420 + ZIP, then the channel AI)', () => {
    expect(parseGs1ElementStrings(`42078745${GS}9400111206206406260787`)).toEqual({
      ok: true,
      elements: [
        { ai: '420', value: '78745' },
        { ai: '94', value: '00111206206406260787' },
      ],
    });
  });

  it('continues after a predefined-length AI without a separator', () => {
    expect(parseGs1ElementStrings('00000123450000000027420787451234')).toEqual({
      ok: true,
      elements: [
        { ai: '00', value: '000123450000000027' },
        { ai: '420', value: '787451234' },
      ],
    });
  });

  it('handles 4-digit measurement AIs and 3-digit 41x AIs', () => {
    expect(parseGs1ElementStrings('31030007504101234567890128')).toEqual({
      ok: true,
      elements: [
        { ai: '3103', value: '000750' },
        { ai: '410', value: '1234567890128' },
      ],
    });
  });

  it('rejects an unknown AI, an over-long variable value and a short fixed value', () => {
    expect(parseGs1ElementStrings('0512345')).toMatchObject({ ok: false, error: 'UNKNOWN_AI' });
    expect(parseGs1ElementStrings('420787459400111206206406260787')).toMatchObject({ ok: false, error: 'VALUE_TOO_LONG', ai: '420' });
    expect(parseGs1ElementStrings('0012345')).toMatchObject({ ok: false, error: 'VALUE_TOO_SHORT', ai: '00' });
    expect(parseGs1ElementStrings('00ABCDEFGHIJKLMNOPQR')).toMatchObject({ ok: false, error: 'BAD_CHARACTERS', ai: '00' });
    expect(parseGs1ElementStrings('')).toMatchObject({ ok: false, error: 'EMPTY' });
  });

  it('requires a GS after a fixed-length AI that is not predefined (402 GSIN)', () => {
    expect(parseGs1ElementStrings(`40212345678901234567${GS}42078745`)).toMatchObject({ ok: true });
    expect(parseGs1ElementStrings('4021234567890123456742078745')).toMatchObject({ ok: false, error: 'VALUE_TOO_LONG', ai: '402' });
  });
});

describe('parseGs1Hri', () => {
  it('parses "(AI)value" text, keeping the USPS channel AI as its own element', () => {
    expect(parseGs1Hri('(420)90210(92)612903361287040426')).toEqual({
      ok: true,
      elements: [
        { ai: '420', value: '90210' },
        { ai: '92', value: '612903361287040426' },
      ],
    });
  });
  it('rejects wrong fixed lengths and text that is not HRI', () => {
    expect(parseGs1Hri('(00)12345')).toMatchObject({ ok: false });
    expect(parseGs1Hri('420 90210')).toMatchObject({ ok: false });
    expect(looksLikeGs1Hri('(420)90210')).toBe(true);
    expect(looksLikeGs1Hri('(420)')).toBe(false);
  });
});
