import { describe, expect, it } from 'vitest';
import { createMtSicsParser } from '../../../shared/scale/mtSicsParser.ts';
import { b, indications, mass, pushBytewise, readings, rejections } from './scaleTestHelpers.ts';

describe('MT-SICS parser', () => {
  it('reads the documented example "S S     1.23 kg" as a stable 1.23 kg', () => {
    const events = createMtSicsParser().push(Uint8Array.of(0x53, 0x20, 0x53, 0x20, 0x20, 0x20, 0x20, 0x20, 0x31, 0x2e, 0x32, 0x33, 0x20, 0x6b, 0x67, 0x0d, 0x0a), 5);
    expect(events).toEqual([
      { type: 'reading', reading: { value: mass('1.23', 'kg'), unit: 'kg', resolution: mass('0.01', 'kg'), status: 'stable', mode: 'gross', at: 5 } },
    ]);
  });

  it('reads dynamic weights as motion, zero as zero, negatives as under zero, and mg exactly in grams', () => {
    const events = createMtSicsParser().push(b('S D      0.512 lb\r\nS S      0.00 g\r\nS S     -1.5 oz\r\nS S   1234.5 mg\r\n'), 1);
    expect(readings(events).map((r) => [r.value, r.unit, r.resolution, r.status])).toEqual([
      [mass('0.512', 'lb'), 'lb', mass('0.001', 'lb'), 'motion'],
      [0, 'g', mass('0.01', 'g'), 'zero'],
      [-mass('1.5', 'oz'), 'oz', mass('0.1', 'oz'), 'underZero'],
      [mass('1.2345', 'g'), 'g', mass('0.0001', 'g'), 'stable'],
    ]);
  });

  it('maps S I / S + / S - to not ready / overload / under zero, without a weight', () => {
    const events = createMtSicsParser().push(b('S I\r\nS +\r\nS -\r\n'), 1);
    expect(indications(events)).toEqual(['notReady', 'overload', 'underZero']);
    expect(readings(events)).toEqual([]);
  });

  it('decodes zero, tare and error replies, and tracks net mode from tare replies', () => {
    const parser = createMtSicsParser();
    const events = parser.push(b('Z A\r\nZ I\r\nES\r\nEL\r\nT S      0.50 lb\r\nS S      2.00 lb\r\nTAC A\r\nS S      2.50 lb\r\n'), 1);
    expect(events.flatMap((e) => (e.type === 'reply' ? [`${e.reply.command}:${e.reply.outcome}`] : []))).toEqual([
      'zero:done',
      'zero:refused',
      'any:error',
      'any:error',
      'tare:done',
      'clearTare:done',
    ]);
    expect(readings(events).map((r) => r.mode)).toEqual(['net', 'gross']);
  });

  it('reassembles lines fed one byte at a time', () => {
    const events = pushBytewise(createMtSicsParser(), b('S S     12.34 kg\r\nS D     12.30 kg\r\n'));
    expect(readings(events).map((r) => r.status)).toEqual(['stable', 'motion']);
    expect(rejections(events)).toEqual([]);
  });

  it('rejects unknown replies, unsupported units, missing CR and non-printable bytes without making a reading', () => {
    const events = createMtSicsParser().push(b('X Y\r\nS S 1.00 ct\r\nS S 1.00 g\nS S 1.\x0100 g\r\nS S 1.00\r\nS S abc g\r\n'), 1);
    expect(rejections(events)).toEqual(['malformed', 'unsupportedUnit', 'malformed', 'malformed', 'malformed', 'malformed']);
    expect(readings(events)).toEqual([]);
  });

  it('drops over-long lines and recovers at the next line', () => {
    const events = createMtSicsParser().push(b(`${'S'.repeat(100)}\r\nS S 1.00 g\r\n`), 1);
    expect(rejections(events).every((c) => c === 'tooLong')).toBe(true);
    expect(readings(events).map((r) => r.value)).toEqual([mass('1', 'g')]);
  });

  it('reports a partial line as truncated on flush and then parses the next reply', () => {
    const parser = createMtSicsParser();
    expect(parser.push(b('S S    1.2'), 1)).toEqual([]);
    expect(rejections(parser.flush())).toEqual(['truncated']);
    expect(readings(parser.push(b('S S    1.25 kg\r\n'), 2))).toHaveLength(1);
  });
});
