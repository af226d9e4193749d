import { describe, expect, it } from 'vitest';
import { normaliseScan } from '../../../shared/barcode/normalise.ts';

const GS = '\u001d';

describe('normaliseScan', () => {
  it('strips the AIM identifier and keeps it', () => {
    expect(normaliseScan(']C01Z879E930346834440')).toMatchObject({ symbology: ']C0', compact: '1Z879E930346834440', gs1: undefined });
  });

  it('marks ]C1 / ]d2 / ]Q3 / ]e0 data as GS1 even without a GS', () => {
    for (const aim of [']C1', ']d2', ']Q3', ']e0']) {
      expect(normaliseScan(`${aim}42078745`).gs1).toEqual({ form: 'element_strings', text: '42078745' });
    }
  });

  it('keeps GS for GS1 parsing and removes it from the compact form', () => {
    const n = normaliseScan(`]C142078745${GS}9400111206206406260787`);
    expect(n.gs1?.text).toBe(`42078745${GS}9400111206206406260787`);
    expect(n.compact).toBe('420787459400111206206406260787');
  });

  it('treats a leading GS (a decoder’s FNC1 in first position) as a GS1 marker', () => {
    const n = normaliseScan(`${GS}00000123450000000027`);
    expect(n.gs1).toEqual({ form: 'element_strings', text: '00000123450000000027' });
    expect(n.symbology).toBeUndefined();
  });

  it('drops CR / LF / Tab and other control characters, spaces and hyphens; upper-cases', () => {
    expect(normaliseScan('  apelax-104 003 9963\r\n').compact).toBe('APELAX1040039963');
    expect(normaliseScan('\u0000TBA000000000000\t').compact).toBe('TBA000000000000');
  });

  it('recognises HRI text and removes the parentheses from the compact form', () => {
    const n = normaliseScan('(420) 78745 (94) 00111206206406260787');
    expect(n.gs1).toEqual({ form: 'hri', text: '(420)78745(94)00111206206406260787' });
    expect(n.compact).toBe('420787459400111206206406260787');
  });

  it('flags ISO 15434 envelopes', () => {
    expect(normaliseScan('[)>\u001e01\u001d96841706672\u001d\u0004').iso15434).toBe(true);
    expect(normaliseScan('[)>01').iso15434).toBe(false);
  });
});
