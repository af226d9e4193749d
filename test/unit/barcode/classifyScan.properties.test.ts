/**
 * Property tests: a valid number with one character changed is rejected wherever the scheme's check digit
 * guarantees it — and only there. Each block states the scheme's exact blind spot and excludes only that.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { gs1Mod10CheckDigit } from '../../../shared/barcode/checkDigits/gs1Mod10.ts';
import { mod7CheckDigit } from '../../../shared/barcode/checkDigits/mod7.ts';
import { s10CheckDigit, s10Remainder } from '../../../shared/barcode/checkDigits/s10CheckDigit.ts';
import { upsCharValue, upsCheckDigit } from '../../../shared/barcode/checkDigits/upsMod10.ts';
import { weighted137Mod11CheckDigit, weighted137Remainder } from '../../../shared/barcode/checkDigits/weighted137Mod11.ts';
import { classifyScan } from '../../../shared/barcode/classifyScan.ts';
import { ScanClassificationSchema, type ScanKind } from '../../../shared/barcode/scanClassification.ts';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = fc.integer({ min: 0, max: ALNUM.length - 1 }).map((i) => ALNUM.charAt(i));

function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

/** A valid number plus a position and a different digit for that position. */
function withDigitChange(valid: fc.Arbitrary<string>) {
  return valid.chain((number) =>
    fc.record({
      number: fc.constant(number),
      at: fc.integer({ min: 0, max: number.length - 1 }),
      to: digit,
    }).filter((r) => r.number.charAt(r.at) !== r.to),
  );
}

function acceptedAs(text: string, kind: ScanKind): boolean {
  const c = classifyScan(text);
  return c.valid && c.kind === kind;
}

const PROPERTY_RUNS = { numRuns: 400 };

describe('GS1 mod 10 numbers: every single-digit substitution is caught', () => {
  const withCheck = (body: string) => body + String(gs1Mod10CheckDigit(body));
  const cases: Array<[string, fc.Arbitrary<string>, ScanKind]> = [
    ['USPS IMpb 22', fc.tuple(fc.constantFrom('91', '92', '93', '94', '95'), digits(19)).map(([p, b]) => withCheck(p + b)), 'usps_impb'],
    ['USPS IMpb 26', fc.tuple(fc.constantFrom('92', '93'), digits(23)).map(([p, b]) => withCheck(p + b)), 'usps_impb'],
    ['FedEx Ground 15', digits(14).map(withCheck), 'fedex'],
    ['SSCC-18', digits(17).map(withCheck), 'sscc18'],
  ];
  it.each(cases)('%s', (_name, valid, kind) => {
    fc.assert(
      fc.property(valid, (number) => acceptedAs(number, kind)),
      PROPERTY_RUNS,
    );
    fc.assert(
      fc.property(withDigitChange(valid), ({ number, at, to }) => !acceptedAs(replaceAt(number, at, to), kind)),
      PROPERTY_RUNS,
    );
  });

  it('USPS behind 420 + ZIP: a change inside the PIC is caught (the ZIP is not covered by any check digit)', () => {
    const valid = fc.tuple(digits(5), fc.constantFrom('92', '94'), digits(19)).map(([zip, p, b]) => {
      const body = p + b;
      return `420${zip}${body}${gs1Mod10CheckDigit(body)}`;
    });
    fc.assert(
      fc.property(valid, (n) => classifyScan(n).tracking === n.slice(8) && acceptedAs(n, 'usps_impb')),
      PROPERTY_RUNS,
    );
    fc.assert(
      fc.property(
        withDigitChange(valid).filter((r) => r.at >= 8),
        ({ number, at, to }) => {
          const c = classifyScan(replaceAt(number, at, to));
          return !(c.valid && c.kind === 'usps_impb' && c.tracking === replaceAt(number, at, to).slice(8));
        },
      ),
      PROPERTY_RUNS,
    );
  });
});

describe('FedEx Express 12 (mod 11, remainders 0 and 10 share check digit 0)', () => {
  const valid = digits(11)
    .map((body) => body + String(weighted137Mod11CheckDigit(body)))
    .filter((n) => !n.startsWith('420'));
  it('catches every substitution except one moving the remainder between 0 and 10', () => {
    fc.assert(
      fc.property(withDigitChange(valid), ({ number, at, to }) => {
        const changed = replaceAt(number, at, to);
        const remainders = [weighted137Remainder(number.slice(0, 11)), weighted137Remainder(changed.slice(0, 11))].sort((a, b) => a - b);
        const blindSpot = at < 11 && remainders[0] === 0 && remainders[1] === 10;
        return blindSpot || !acceptedAs(changed, 'fedex');
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('UPS 1Z (letters fold onto digits; doubled positions miss a change of 5)', () => {
  const valid = fc.array(alnum, { minLength: 15, maxLength: 15 }).map((a) => {
    const body = a.join('');
    return `1Z${body}${upsCheckDigit(body)}`;
  });
  it('catches a change of the check digit and every body change the weighting can see', () => {
    const change = valid.chain((number) =>
      fc.record({ number: fc.constant(number), at: fc.integer({ min: 2, max: 17 }), to: alnum }).filter((r) => r.number.charAt(r.at) !== r.to),
    );
    fc.assert(
      fc.property(change, ({ number, at, to }) => {
        const changed = replaceAt(number, at, to);
        if (at === 17) return !acceptedAs(changed, 'ups_1z');
        const weight = (at - 2) % 2 === 0 ? 1 : 2;
        const delta = upsCharValue(to) - upsCharValue(number.charAt(at));
        const visible = (weight * delta) % 10 !== 0;
        return !visible || !acceptedAs(changed, 'ups_1z');
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('UPU S10 (remainders 0 and 6 share check digit 5; letters are not checked)', () => {
  const valid = fc.tuple(digits(8), fc.constantFrom('RB', 'EE', 'CP', 'LX'), fc.constantFrom('US', 'CN', 'GB', 'KR')).map(
    ([serial, service, country]) => `${service}${serial}${s10CheckDigit(serial)}${country}`,
  );
  it('catches every serial / check digit substitution outside the 0 ↔ 6 blind spot', () => {
    const change = valid.chain((number) =>
      fc.record({ number: fc.constant(number), at: fc.integer({ min: 2, max: 10 }), to: digit }).filter((r) => r.number.charAt(r.at) !== r.to),
    );
    fc.assert(
      fc.property(change, ({ number, at, to }) => {
        const changed = replaceAt(number, at, to);
        const before = s10Remainder(number.slice(2, 10));
        const after = s10Remainder(changed.slice(2, 10));
        const blindSpot = at < 10 && before !== after && [0, 6].includes(before) && [0, 6].includes(after);
        return blindSpot || !acceptedAs(changed, 'upu_s10');
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('DHL Express (mod 7: a body digit changed by ±7 is invisible)', () => {
  const valid = fc.oneof(digits(9), digits(10)).map((body) => body + String(mod7CheckDigit(body)));
  it('catches check digit changes and body changes other than ±7', () => {
    fc.assert(
      fc.property(withDigitChange(valid), ({ number, at, to }) => {
        const changed = replaceAt(number, at, to);
        const isCheck = at === number.length - 1;
        const blindSpot = !isCheck && Math.abs(Number(to) - Number(number.charAt(at))) === 7;
        return blindSpot || !acceptedAs(changed, 'dhl_express');
      }),
      PROPERTY_RUNS,
    );
  });
});

/** Strings built from the characters scans are made of: AIM brackets, digits, letters, GS, HRI parentheses, spaces. */
const scanLike = fc
  .array(fc.constantFrom(...']ABCCDEPRTZ0123456789()- ', '\u001d'), { maxLength: 40 })
  .map((chars) => chars.join(''));

describe('classifyScan on arbitrary input', () => {
  it('never throws and always returns a result that fits the schema, with valid ⇔ no reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), scanLike), (raw) => {
        const c = classifyScan(raw);
        ScanClassificationSchema.parse(c);
        return c.raw === raw && c.valid === (c.reason === undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores surrounding whitespace, CR / LF suffixes and letter case', () => {
    const samples = fc.constantFrom('1Z879E930346834440', 'APELAX1040039963', 'RB123456785GB', 'TBA000000000000', '9400111206206406260787', 'hello');
    fc.assert(
      fc.property(samples, fc.constantFrom('', ' ', '\r', '\r\n', '\n', '\t'), fc.boolean(), (s, suffix, lower) => {
        const plain = classifyScan(s);
        const varied = classifyScan(` ${lower ? s.toLowerCase() : s}${suffix}`);
        return varied.kind === plain.kind && varied.valid === plain.valid && varied.tracking === plain.tracking;
      }),
    );
  });
});
