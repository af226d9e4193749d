/** Table-driven: ../shared/reference/barcodes.md §7.3 vectors, taiwan-id-validator test numbers (MIT) and our own. */
import { describe, expect, it } from 'vitest';
import { ConsigneeIdValidationSchema, type ConsigneeIdCountry, type ConsigneeIdKind, type ConsigneeIdReason } from '../../../shared/consigneeId/consigneeIdResult.ts';
import { validateConsigneeId } from '../../../shared/consigneeId/validateConsigneeId.ts';

const TODAY = { year: 2026, month: 9, day: 1 };

interface IdVector {
  readonly id: string;
  readonly country: ConsigneeIdCountry;
  readonly input: string;
  readonly kind: ConsigneeIdKind;
  readonly reason?: ConsigneeIdReason;
  readonly source: string;
}

const VECTORS: readonly IdVector[] = [
  { id: 'I1', country: 'CN', input: '11010519491231002X', kind: 'cn_resident_id', source: 'GB 11643-1999 example' },
  { id: 'I3', country: 'CN', input: '110105194912310021', kind: 'cn_resident_id', reason: 'CHECK_DIGIT_MISMATCH', source: 'changed check character' },
  { id: 'I7', country: 'TW', input: 'A123456789', kind: 'tw_national_id', source: 'classic published sample' },
  { id: 'I8', country: 'TW', input: 'A123456788', kind: 'tw_national_id', reason: 'CHECK_DIGIT_MISMATCH', source: 'changed' },
  { id: 'I16', country: 'KR', input: 'P123456789012', kind: 'kr_pccc', source: 'format example' },
  { id: 'I17', country: 'KR', input: 'P12345678901', kind: 'kr_pccc', reason: 'WRONG_FORMAT', source: '11 digits' },
  // PRC, own
  { id: 'cn-lower-x', country: 'CN', input: '11010519491231002x', kind: 'cn_resident_id', source: 'lowercase x normalised' },
  { id: 'cn-spaced', country: 'CN', input: '110105 19491231 002X', kind: 'cn_resident_id', source: 'spaces removed' },
  { id: 'cn-feb30', country: 'CN', input: '110105194902300021', kind: 'cn_resident_id', reason: 'INVALID_BIRTH_DATE', source: 'own: 1949-02-30' },
  { id: 'cn-future', country: 'CN', input: '110105209901010021', kind: 'cn_resident_id', reason: 'BIRTH_DATE_IN_FUTURE', source: 'own: 2099' },
  { id: 'cn-region', country: 'CN', input: '99010519491231002X', kind: 'cn_resident_id', reason: 'UNKNOWN_REGION', source: 'own: province 99' },
  { id: 'cn-15', country: 'CN', input: '110105491231002', kind: 'cn_resident_id_legacy_15', reason: 'LEGACY_FORMAT', source: 'GB 11643-1989 form' },
  { id: 'cn-17', country: 'CN', input: '11010519491231002', kind: 'unknown', reason: 'WRONG_FORMAT', source: 'own' },
  { id: 'cn-empty', country: 'CN', input: '  ', kind: 'unknown', reason: 'EMPTY', source: 'own' },
  // Taiwan, enylin/taiwan-id-validator src/id-card-number.test.ts
  { id: 'tw-F131104093', country: 'TW', input: 'F131104093', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-O158238845', country: 'TW', input: 'O158238845', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-N116247806', country: 'TW', input: 'N116247806', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-L122544270', country: 'TW', input: 'L122544270', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-C180661564', country: 'TW', input: 'C180661564', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-Y123456788', country: 'TW', input: 'Y123456788', kind: 'tw_national_id', source: 'taiwan-id-validator' },
  { id: 'tw-F131104091', country: 'TW', input: 'F131104091', kind: 'tw_national_id', reason: 'CHECK_DIGIT_MISMATCH', source: 'taiwan-id-validator invalid' },
  { id: 'tw-O158238842', country: 'TW', input: 'O158238842', kind: 'tw_national_id', reason: 'CHECK_DIGIT_MISMATCH', source: 'taiwan-id-validator invalid' },
  { id: 'tw-old-AB', country: 'TW', input: 'AB23456789', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-AA', country: 'TW', input: 'AA00000009', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-AC', country: 'TW', input: 'AC03095424', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-BD', country: 'TW', input: 'BD01300667', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-HD', country: 'TW', input: 'HD02717288', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-AD', country: 'TW', input: 'AD30196818', kind: 'tw_resident_certificate_old', source: 'taiwan-id-validator' },
  { id: 'tw-old-bad', country: 'TW', input: 'AA00000000', kind: 'tw_resident_certificate_old', reason: 'CHECK_DIGIT_MISMATCH', source: 'taiwan-id-validator invalid' },
  { id: 'tw-old-AE', country: 'TW', input: 'AE23456785', kind: 'unknown', reason: 'WRONG_FORMAT', source: 'taiwan-id-validator: second letter must be A–D' },
  { id: 'tw-new-A8', country: 'TW', input: 'A800000014', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator' },
  { id: 'tw-new-A9', country: 'TW', input: 'A900207177', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator' },
  { id: 'tw-new-T9', country: 'TW', input: 'T900251126', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator' },
  { id: 'tw-new-A87', country: 'TW', input: 'A870000015', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator (stateless)' },
  { id: 'tw-new-A88', country: 'TW', input: 'A880000018', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator (HK/Macao)' },
  { id: 'tw-new-A89', country: 'TW', input: 'A890000011', kind: 'tw_resident_certificate_new', source: 'taiwan-id-validator (mainland)' },
  { id: 'tw-new-bad', country: 'TW', input: 'A800000000', kind: 'tw_resident_certificate_new', reason: 'CHECK_DIGIT_MISMATCH', source: 'taiwan-id-validator invalid' },
  { id: 'tw-3', country: 'TW', input: 'A323456789', kind: 'unknown', reason: 'WRONG_FORMAT', source: 'taiwan-id-validator: 2nd char not 1/2/8/9' },
  { id: 'tw-short', country: 'TW', input: 'A12345678', kind: 'unknown', reason: 'WRONG_FORMAT', source: 'taiwan-id-validator' },
  { id: 'tw-lower', country: 'TW', input: 'a123456789', kind: 'tw_national_id', source: 'own: upper-cased (the library rejects lowercase)' },
  // Korea, own
  { id: 'kr-lower', country: 'KR', input: 'p123456789012', kind: 'kr_pccc', source: 'own' },
  { id: 'kr-14', country: 'KR', input: 'P1234567890123', kind: 'kr_pccc', reason: 'WRONG_FORMAT', source: 'own' },
  { id: 'kr-rrn', country: 'KR', input: '900101-1234567', kind: 'unknown', reason: 'WRONG_FORMAT', source: 'own: a resident registration number is not a PCCC' },
];

describe('validateConsigneeId', () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const r = validateConsigneeId(v.country, v.input, { today: TODAY });
    expect(ConsigneeIdValidationSchema.parse(r)).toEqual(r);
    expect(r).toEqual(v.reason === undefined ? { valid: true, kind: v.kind } : { valid: false, kind: v.kind, reason: v.reason });
  });

  it('never returns the ID number itself', () => {
    for (const v of VECTORS) {
      const r = validateConsigneeId(v.country, v.input, { today: TODAY });
      expect(Object.keys(r).sort()).toEqual(v.reason === undefined ? ['kind', 'valid'] : ['kind', 'reason', 'valid']);
    }
  });

  it('accepts a birth date of today and rejects tomorrow', () => {
    // 110105 + 20260901 + 002 + check
    expect(validateConsigneeId('CN', '11010520260901002' + checkOf('11010520260901002'), { today: TODAY }).valid).toBe(true);
    expect(validateConsigneeId('CN', '11010520260902002' + checkOf('11010520260902002'), { today: TODAY }).reason).toBe('BIRTH_DATE_IN_FUTURE');
  });

  it('handles leap days', () => {
    expect(validateConsigneeId('CN', '11010520000229002' + checkOf('11010520000229002'), { today: TODAY }).valid).toBe(true);
    expect(validateConsigneeId('CN', '11010519000229002' + checkOf('11010519000229002'), { today: TODAY }).reason).toBe('INVALID_BIRTH_DATE');
  });
});

function checkOf(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return '10X98765432'.charAt(sum % 11);
}
