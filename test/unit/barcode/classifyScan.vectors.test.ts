/** Table-driven: every vector classifies to the expected kind, validity and tracking number, and fits the schema. */
import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../shared/barcode/classifyScan.ts';
import { ScanClassificationSchema } from '../../../shared/barcode/scanClassification.ts';
import { OWN_VECTORS, REFERENCE_VECTORS, TND_VECTORS, type TrackingVector } from './trackingVectors.ts';

function check(v: TrackingVector): void {
  const c = classifyScan(v.input);
  expect(ScanClassificationSchema.parse(c)).toEqual(c);
  expect({ kind: c.kind, valid: c.valid }).toEqual({ kind: v.kind, valid: v.valid });
  if (v.format) expect(c.format).toBe(v.format);
  expect(c.raw).toBe(v.input);
  if (v.tracking) expect(c.tracking).toBe(v.tracking);
  else if (v.valid) expect(c.tracking).toBe(v.input.replace(/\s+/g, '').toUpperCase());
  if (v.valid) expect(c.reason).toBeUndefined();
  else expect(c.reason).toBeDefined();
}

describe('classifyScan — barcodes.md §7 vectors', () => {
  it.each(REFERENCE_VECTORS.map((v) => [v.id, v] as const))('#%s', (_id, v) => check(v));
});

describe('classifyScan — tracking_number_data test numbers', () => {
  it.each(TND_VECTORS.map((v) => [v.id, v] as const))('%s', (_id, v) => check(v));
});

describe('classifyScan — raw scan forms and ECMS waybills', () => {
  it.each(OWN_VECTORS.map((v) => [v.id, v] as const))('%s', (_id, v) => check(v));
});

describe('classifyScan — details', () => {
  it('gives a clear reason for a bad check digit, so the station can prompt a rescan', () => {
    expect(classifyScan('1Z879E930346834441').reason).toBe('CHECK_DIGIT_MISMATCH');
    expect(classifyScan('9400111206206406260788').reason).toBe('CHECK_DIGIT_MISMATCH');
  });

  it('reports routing-only, carrier 2D, empty, partial and unrecognised scans with distinct reasons', () => {
    expect(classifyScan(']C142078745').reason).toBe('ROUTING_ONLY');
    expect(classifyScan('[)>\u001e01\u001d96841706672\u001d\u0004').reason).toBe('CARRIER_2D_MESSAGE');
    expect(classifyScan('\r\n').reason).toBe('EMPTY');
    expect(classifyScan('APELAX10400').reason).toBe('WRONG_LENGTH');
    expect(classifyScan('hello').reason).toBe('UNRECOGNISED');
    expect(classifyScan('RB123456785XX').reason).toBe('UNKNOWN_S10_COUNTRY');
    expect(classifyScan('TBB000000000000').reason).toBe('UNKNOWN_AMAZON_PREFIX');
  });

  it('keeps the AIM identifier and the parsed GS1 elements', () => {
    const c = classifyScan(']C142078745\u001d9400111206206406260787');
    expect(c.symbology).toBe(']C1');
    expect(c.gs1).toEqual([
      { ai: '420', value: '78745' },
      { ai: '94', value: '00111206206406260787' },
    ]);
    expect(c.carrier).toBe('usps');
  });

  it('files FedEx 34-digit and 96 barcodes under the printed number, with the full barcode as an alternative', () => {
    const express = classifyScan('1001921334250001000300779017972697');
    expect(express.tracking).toBe('779017972697');
    expect(express.alternatives).toEqual(['1001921334250001000300779017972697']);
    // The printed 12-digit number is itself a valid FedEx Express 12.
    expect(classifyScan(express.tracking)).toMatchObject({ kind: 'fedex', valid: true });
    const ground = classifyScan('9611020987654312345672');
    expect(classifyScan(ground.tracking)).toMatchObject({ format: 'fedex_ground_15', valid: true });
  });

  it('marks numeric-only matches as probable and prefixed formats as certain', () => {
    expect(classifyScan('3318810025').certainty).toBe('probable');
    expect(classifyScan('986578788855').certainty).toBe('probable');
    expect(classifyScan('000123450000000027').certainty).toBe('probable');
    expect(classifyScan(']C100000123450000000027').certainty).toBe('certain');
    expect(classifyScan('1Z879E930346834440').certainty).toBe('certain');
    expect(classifyScan('9400111206206406260787').certainty).toBe('certain');
  });

  it('lists the other reading when 420 + ZIP + PIC splits two valid ways', () => {
    // ZIP9 + 22-digit PIC and ZIP5 + 26-digit PIC both pass here.
    const pic22 = '9400111206206406260787';
    // Find a 4-digit ZIP extension making "<ext><pic22>" a valid 26-digit PIC starting 9[1-5]: ext must start 9[1-5].
    let found: string | undefined;
    for (let ext = 9100; ext <= 9599 && !found; ext++) {
      const c = classifyScan(`42078745${ext}${pic22}`);
      if (c.alternatives.length > 0) found = `42078745${ext}${pic22}`;
    }
    expect(found).toBeDefined();
    const c = classifyScan(found ?? '');
    expect(c.tracking).toBe(pic22);
    expect(c.certainty).toBe('probable');
    expect(c.alternatives).toHaveLength(1);
    expect(c.alternatives[0]).toHaveLength(26);
  });

  it('recognises configured extra waybill patterns against the compact scan, whatever their flags', () => {
    const patterns = [/RT(APELAX|APECHI)\d{10}/g];
    const first = classifyScan('RTAPELAX1040039963', { extraWaybillPatterns: patterns });
    const second = classifyScan('rt-apelax-1040039963', { extraWaybillPatterns: patterns });
    expect(first).toMatchObject({ kind: 'ecms_waybill', format: 'ecms_custom_pattern', valid: true, tracking: 'RTAPELAX1040039963' });
    expect(second).toMatchObject({ kind: 'ecms_waybill', valid: true, tracking: 'RTAPELAX1040039963' });
    // Partial matches do not count.
    expect(classifyScan('XRTAPELAX1040039963', { extraWaybillPatterns: patterns }).kind).toBe('unknown');
    expect(classifyScan('RTAPELAX1040039963').kind).toBe('unknown');
  });

  it('treats the ISO 15434 message as a carrier 2D code even though it contains a 1Z fragment', () => {
    expect(classifyScan('[)>\u001e01\u001d96841706672\u001d840\u001d001\u001d1Z12345675\u001dUPSN\u001d\u0004').kind).toBe('unknown');
  });
});
