import bwipjs from 'bwip-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code128DataProblem, decodeZplCode128Data, planCode128, zplCode128Data } from '../../../shared/printing/code128.ts';

/** Modules of bwip-js's own Code 128 (PNG at one pixel per module, no padding). */
async function bwipModules(text: string): Promise<number> {
  const png = await bwipjs.toBuffer({ bcid: 'code128', text, scale: 1, height: 2, includetext: false });
  return png.readUInt32BE(16);
}

describe('Code 128 planning', () => {
  it('encodes an ECMS waybill as B for the letters then C for the ten digits', () => {
    const plan = planCode128('APELAX1040039963');
    expect(plan.segments).toEqual([{ set: 'B', text: 'APELAX' }, { set: 'C', text: '1040039963' }]);
    expect(zplCode128Data(plan)).toBe('>:APELAX>51040039963');
    expect(plan.modules).toBe(167);
  });

  it('starts in C for an even run of digits and keeps an odd leading digit in B only when cheaper', () => {
    expect(zplCode128Data(planCode128('9400111899223000288157'))).toBe('>;9400111899223000288157');
    const odd = planCode128('123456789');
    expect(odd.symbols).toBe(1 + 4 + 1 + 1); // start C, 4 pairs, switch to B, "9"
    expect(decodeZplCode128Data(zplCode128Data(odd))).toBe('123456789');
  });

  it('escapes ">" in subset B', () => {
    expect(zplCode128Data(planCode128('A>B'))).toBe('>:A><B');
    expect(decodeZplCode128Data('>:A><B')).toBe('A>B');
  });

  it('draws as many modules as bwip-js (the PDF and HTML encoder) for real numbers', async () => {
    for (const text of ['APELAX1040039963', 'APECHI1120000457', '1Z999AA10123456784', '9212391234567812345670', 'TBA300004123456', 'RTAPELAX1040039963', 'ECMSTESTLAX']) {
      expect(planCode128(text).modules, text).toBe(await bwipModules(text));
    }
  });

  it('draws exactly as many modules as bwip-js and round-trips through the ZPL field data (property)', async () => {
    // Digit-heavy text too, where the choice between sets B and C (and an odd digit's place) decides the width.
    const digitHeavy = fc
      .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(...'AZ>. -') }), { minLength: 1, maxLength: 24 })
      .map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[A-Z0-9>. -]{1,24}$/), digitHeavy), async (text) => {
        const plan = planCode128(text);
        expect(decodeZplCode128Data(zplCode128Data(plan))).toBe(text);
        expect(plan.segments.map((s) => s.text).join('')).toBe(text);
        expect(plan.modules).toBe(await bwipModules(text));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses text a ZPL Code 128 field cannot carry', () => {
    expect(code128DataProblem('')).toMatch(/empty/);
    expect(code128DataProblem('AB^FS')).toMatch(/"\^"/);
    expect(code128DataProblem('A~B')).toMatch(/"~"/);
    expect(code128DataProblem('王')).toMatch(/cannot carry/);
    expect(code128DataProblem('A\nB')).toMatch(/cannot carry/);
    expect(code128DataProblem('X'.repeat(81))).toMatch(/too long/);
    expect(code128DataProblem('APELAX1040039963')).toBeNull();
  });
});
