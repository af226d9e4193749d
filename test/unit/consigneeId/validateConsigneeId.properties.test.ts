/** Property tests: single-character changes are rejected exactly where each ID's checksum guarantees it. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { iso7064Mod11_2CheckChar } from '../../../shared/barcode/checkDigits/iso7064Mod11_2.ts';
import { daysInMonth } from '../../../shared/consigneeId/calendarDate.ts';
import { taiwanChecksum } from '../../../shared/consigneeId/taiwanId.ts';
import { validateConsigneeId } from '../../../shared/consigneeId/validateConsigneeId.ts';

const TODAY = { year: 2026, month: 9, day: 1 };
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

const prcId = fc
  .tuple(
    fc.constantFrom('11', '31', '44', '51', '65', '81'),
    digits(4),
    fc.integer({ min: 1900, max: 2025 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    digits(3),
  )
  .map(([province, county, y, m, d, seq]) => {
    const body = `${province}${county}${y}${pad(m, 2)}${pad(Math.min(d, daysInMonth(y, m)), 2)}${seq}`;
    return body + iso7064Mod11_2CheckChar(body);
  });

describe('PRC resident ID (MOD 11-2 is a pure check system)', () => {
  it('accepts generated valid numbers', () => {
    fc.assert(fc.property(prcId, (id) => validateConsigneeId('CN', id, { today: TODAY }).valid));
  });
  it('rejects every single-character substitution (digit or X) anywhere', () => {
    const change = prcId.chain((id) =>
      fc.record({ id: fc.constant(id), at: fc.integer({ min: 0, max: 17 }), to: fc.constantFrom(...'0123456789X') }).filter((r) => r.id.charAt(r.at) !== r.to),
    );
    fc.assert(
      fc.property(change, ({ id, at, to }) => !validateConsigneeId('CN', replaceAt(id, at, to), { today: TODAY }).valid),
      { numRuns: 500 },
    );
  });
});

describe('Taiwan ID (weights 8 7 6 5 4 3 2 1 1 mod 10)', () => {
  const LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
  const taiwanId = fc
    .tuple(fc.constantFrom(...LETTERS), fc.constantFrom('1', '2', '8', '9'), digits(7))
    .map(([letter, second, middle]) => {
      const partial = `${letter}${second}${middle}0`;
      const missing = (10 - taiwanChecksum(partial, Number(second))) % 10;
      return `${letter}${second}${middle}${missing}`;
    });
  const WEIGHT_AT: Readonly<Record<number, number>> = { 2: 7, 3: 6, 4: 5, 5: 4, 6: 3, 7: 2, 8: 1, 9: 1 };

  it('accepts generated valid numbers', () => {
    fc.assert(fc.property(taiwanId, (id) => validateConsigneeId('TW', id).valid));
  });
  it('rejects a digit change at positions 3–10 unless weight × change ≡ 0 (mod 10)', () => {
    const change = taiwanId.chain((id) =>
      fc.record({ id: fc.constant(id), at: fc.integer({ min: 2, max: 9 }), to: digit }).filter((r) => r.id.charAt(r.at) !== r.to),
    );
    fc.assert(
      fc.property(change, ({ id, at, to }) => {
        const delta = Number(to) - Number(id.charAt(at));
        const visible = ((WEIGHT_AT[at] ?? 0) * delta) % 10 !== 0;
        return !visible || !validateConsigneeId('TW', replaceAt(id, at, to)).valid;
      }),
      { numRuns: 500 },
    );
  });
});
