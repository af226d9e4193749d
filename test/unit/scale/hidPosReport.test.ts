import { describe, expect, it } from 'vitest';
import { createHidPosParser, parseHidScaleReport } from '../../../shared/scale/hidPosReport.ts';
import { mass } from './scaleTestHelpers.ts';

describe('HID POS scale report', () => {
  it('reads the Dymo M10 example 03 04 0B FF 31 00 as a stable 4.9 oz', () => {
    expect(parseHidScaleReport(Uint8Array.of(0x03, 0x04, 0x0b, 0xff, 0x31, 0x00), 3)).toEqual({
      type: 'reading',
      reading: { value: mass('4.9', 'oz'), unit: 'oz', resolution: mass('0.1', 'oz'), status: 'stable', mode: 'gross', at: 3 },
    });
  });

  it('reads a little-endian weight: 40 lb 5.2 oz = 645.2 oz = raw 0x1934', () => {
    const event = parseHidScaleReport(Uint8Array.of(0x03, 0x04, 0x0b, 0xff, 0x34, 0x19), 1);
    expect(event.type === 'reading' && event.reading.value).toBe(mass('645.2', 'oz'));
  });

  it('reads a report without the report id (WebHID layout) when told so', () => {
    const event = parseHidScaleReport(Uint8Array.of(2, 12, 255, 48, 0), 1, { includesReportId: false });
    // Status 2 ("stable at zero") with a load on, as seen on a real unit: a stable 4.8 lb.
    expect(event.type === 'reading' && [event.reading.value, event.reading.status]).toEqual([mass('4.8', 'lb'), 'stable']);
  });

  it('maps motion, zero, grams, kilograms and milligrams', () => {
    const r = (bytes: number[]) => parseHidScaleReport(Uint8Array.from(bytes), 1);
    expect(r([3, 3, 12, 0xfe, 0xfa, 0x00])).toMatchObject({ reading: { status: 'motion', value: mass('2.5', 'lb') } });
    expect(r([3, 2, 12, 0xfe, 0x00, 0x00])).toMatchObject({ reading: { status: 'zero', value: 0 } });
    expect(r([3, 4, 2, 0x00, 0xe8, 0x03])).toMatchObject({ reading: { unit: 'g', value: mass('1000', 'g') } });
    expect(r([3, 4, 3, 0xfd, 0xe8, 0x03])).toMatchObject({ reading: { unit: 'kg', value: mass('1', 'kg') } });
    expect(r([3, 4, 1, 0x00, 0xe8, 0x03])).toMatchObject({ reading: { unit: 'g', value: mass('1', 'g'), resolution: mass('0.001', 'g') } });
  });

  it('turns fault, under zero, over weight, calibration and re-zero statuses into indications without weight', () => {
    const conditions = [1, 5, 6, 7, 8].map((status) => {
      const event = parseHidScaleReport(Uint8Array.of(3, status, 12, 0xfe, 0x10, 0x27), 1);
      return event.type === 'indication' ? event.indication.condition : event.type;
    });
    expect(conditions).toEqual(['fault', 'underZero', 'overload', 'fault', 'notReady']);
  });

  it('rejects unknown statuses, unsupported units, wrong report ids and short reports', () => {
    const codes = [
      [3, 9, 12, 0, 1, 0],
      [3, 0, 12, 0, 1, 0],
      [3, 4, 4, 0, 1, 0], // carats
      [3, 4, 0x42, 0, 1, 0],
      [5, 4, 12, 0, 1, 0],
      [3, 4, 12],
      [3, 4, 12, 0x7f, 1, 0], // 10^127
    ].map((bytes) => {
      const event = parseHidScaleReport(Uint8Array.from(bytes), 1);
      return event.type === 'rejected' ? event.code : event.type;
    });
    expect(codes).toEqual(['badStatus', 'badStatus', 'unsupportedUnit', 'badStatus', 'malformed', 'truncated', 'unrepresentable']);
  });

  it('rejects weights beyond the station bound instead of wrapping (65535 kg)', () => {
    const event = parseHidScaleReport(Uint8Array.of(3, 4, 3, 0, 0xff, 0xff), 1);
    expect(event).toEqual({ type: 'rejected', code: 'unrepresentable', byteCount: 6 });
  });

  it('treats each pushed chunk as one report in the stream wrapper', () => {
    const parser = createHidPosParser();
    expect(parser.push(Uint8Array.of(3, 4, 11, 0xff, 0x31, 0), 1)).toHaveLength(1);
    expect(parser.flush()).toEqual([]);
  });
});
