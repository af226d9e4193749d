/**
 * findTextProblem and stripUnsafeText skip the per-character check for text that holds none of the suspect units
 * (a speed-up for HQ, which checks every string of every pushed event). This walks all 65 536 UTF-16 units, alone and
 * inside other text, against the classes the normaliser documents, so a unit the fast test misses fails here.
 */
import { describe, expect, it } from 'vitest';
import { findTextProblem, stripUnsafeText, type TextProblem } from '../../../shared/text/cleanText.ts';

const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const INVISIBLE = [0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0xfffe, 0xffff];

function expected(unit: number, keep: { scan: boolean; lines: boolean }): TextProblem | null {
  if (keep.scan && (unit === 0x1d || unit === 0x1e)) return null;
  if (keep.lines && (unit === 0x09 || unit === 0x0a || unit === 0x0d)) return null;
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return 'control';
  if (unit >= 0xd800 && unit <= 0xdfff) return 'surrogate';
  if (BIDI.includes(unit)) return 'bidi';
  if (INVISIBLE.includes(unit)) return 'invisible';
  return null;
}

describe('the text normaliser, every UTF-16 unit', () => {
  for (const keep of [{ scan: false, lines: false }, { scan: true, lines: true }]) {
    it(`finds exactly the documented problems (keep separators and line breaks: ${keep.scan})`, () => {
      const policy = { keepScanSeparators: keep.scan, keepLineBreaks: keep.lines };
      const wrong: string[] = [];
      for (let unit = 0; unit <= 0xffff; unit++) {
        const c = String.fromCharCode(unit);
        const want = expected(unit, keep);
        const found = findTextProblem(`parcel ${c} note`, policy);
        if ((found?.problem ?? null) !== want || (want !== null && found?.index !== 7)) wrong.push(`U+${unit.toString(16)}`);
        const stripped = stripUnsafeText(`a${c}b`, policy);
        if (stripped !== (want === null ? `a${c}b` : 'ab')) wrong.push(`strip U+${unit.toString(16)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('a surrogate pair is one clean character, either half alone is not', () => {
    expect(findTextProblem('truck 🚚')).toBeNull();
    expect(findTextProblem('x\ud83d')).toMatchObject({ problem: 'surrogate', index: 1 });
    expect(findTextProblem('\ude9ax')).toMatchObject({ problem: 'surrogate', index: 0 });
  });
});
