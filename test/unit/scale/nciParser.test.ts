import { describe, expect, it } from 'vitest';
import { createNciParser } from '../../../shared/scale/nciParser.ts';
import { formatLbOz } from '../../../shared/units/mass.ts';
import { b, indications, mass, pushBytewise, readings, rejections } from './scaleTestHelpers.ts';

describe('NCI parser', () => {
  it('reads the SCP-01 example "LF 0001.25LB CR LF 30 30 CR ETX" as a stable 1.25 lb', () => {
    expect(readings(createNciParser().push(b('\n0001.25LB\r\n00\r\x03'), 9))).toEqual([
      { value: mass('1.25', 'lb'), unit: 'lb', resolution: mass('0.01', 'lb'), status: 'stable', mode: 'gross', at: 9 },
    ]);
  });

  it('reads the SCP-02 shape (S before the status) and the SCP-12 shape (polarity, status between CR and ETX)', () => {
    const events = createNciParser().push(b('\n01.250KG\r\nS00\r\x03\n-001.25LB\r00\x03\n 12.5 OZ\r10\x03'), 1);
    expect(readings(events).map((r) => [r.value, r.unit, r.status])).toEqual([
      [mass('1.25', 'kg'), 'kg', 'stable'],
      [-mass('1.25', 'lb'), 'lb', 'underZero'],
      [mass('12.5', 'oz'), 'oz', 'motion'],
    ]);
  });

  it('reads pounds-ounces exactly', () => {
    const [reading] = readings(createNciParser().push(b('\n40lb 05.2oz\r\n00\r\x03'), 1));
    expect(reading?.unit).toBe('lb-oz');
    expect(reading?.value).toBe(mass('40', 'lb') + mass('5.2', 'oz'));
    expect(reading?.resolution).toBe(mass('0.1', 'oz'));
    expect(formatLbOz(reading?.value ?? 0)).toBe('40 lb 5.2 oz');
  });

  it('decodes the status bytes: motion, at zero, under/over capacity, net, faults', () => {
    const events = createNciParser().push(
      b(
        '\n0001.25LB\r\n10\r\x03' + // motion
          '\n0000.00LB\r\n20\r\x03' + // at zero
          '\n0002.00LB\r\n0p4\r\x03' + // byte 2 bit 6 → third byte: net
          '\n9999.99LB\r\n02\r\x03' + // over capacity
          '\n0001.00LB\r\n01\r\x03' + // under capacity with a positive weight → no weight
          '\n0001.00LB\r\n04\r\x03' + // ROM error
          '\n0001.00LB\r\n08\r\x03', // faulty calibration
      ),
      1,
    );
    expect(readings(events).map((r) => [r.status, r.mode])).toEqual([
      ['motion', 'gross'],
      ['zero', 'gross'],
      ['stable', 'net'],
    ]);
    expect(indications(events)).toEqual(['overload', 'underZero', 'fault', 'fault']);
  });

  it('reads status-only replies as conditions or status replies', () => {
    const events = createNciParser().push(b('\n10\r\x03\nS02\r\x03\n00\r\x03\n?\r\x03'), 1);
    expect(indications(events)).toEqual(['motion', 'overload']);
    expect(events.filter((e) => e.type === 'reply').map((e) => (e.type === 'reply' ? e.reply.outcome : ''))).toEqual(['done', 'error']);
  });

  it('maps Brecknell fills: ^ overload, _ under capacity, - zero error', () => {
    expect(indications(createNciParser().push(b('\n^^^^.^^LB\r\n00\r\x03\n______\r\n00\r\x03\n------LB\r\n00\r\x03'), 1))).toEqual([
      'overload',
      'underZero',
      'notReady',
    ]);
  });

  it('reassembles a frame fed one byte at a time and skips noise', () => {
    const events = pushBytewise(createNciParser(), b('zz\x03\n0001.25LB\r\n00\r\x03\xff\xfe\n0002.50LB\r00\x03'));
    expect(readings(events).map((r) => r.value)).toEqual([mass('1.25', 'lb'), mass('2.5', 'lb')]);
    expect(rejections(events).every((c) => c === 'noise')).toBe(true);
  });

  it('recovers the next frame when a frame is cut off by it', () => {
    const events = createNciParser().push(b('\n0001.2\n0001.25LB\r\n00\r\x03'), 1);
    expect(rejections(events)).toEqual(['truncated']);
    expect(readings(events).map((r) => r.value)).toEqual([mass('1.25', 'lb')]);
  });

  it('rejects bad status bytes, unknown units, and garbage between LF and ETX', () => {
    const events = createNciParser().push(b('\n0001.25LB\r\nAA\r\x03\n0001.25XY\r\n00\r\x03\n1.2.3LB\r\n00\r\x03\n\x01\x02\x03'), 1);
    expect(rejections(events)).toEqual(['malformed', 'unsupportedUnit', 'malformed', 'malformed']);
    expect(readings(events)).toEqual([]);
  });

  it('gives up on a frame with no ETX within the maximum length, and reports a tail on flush', () => {
    const parser = createNciParser();
    const events = parser.push(b(`\n${'1'.repeat(60)}\n0001.25LB\r\n00\r\x03\n00`), 1);
    expect(rejections(events)).toContain('tooLong');
    expect(readings(events)).toHaveLength(1);
    expect(rejections(parser.flush())).toEqual(['truncated']);
  });
});
