import { describe, expect, it } from 'vitest';
import { createMettler8213Parser } from '../../../shared/scale/mettler8213Parser.ts';
import { ScaleReadingSchema } from '../../../shared/scale/reading.ts';
import { b, indications, mass, pushBytewise, readings, rejections } from './scaleTestHelpers.ts';

const parser = (unit: 'lb' | 'kg' = 'lb') => createMettler8213Parser({ unit });

describe('Mettler Toledo 8213/8217 parser', () => {
  it('reads the documented weight frame 02 30 30 31 2E 32 35 0D as 1.25 lb gross stable', () => {
    const events = parser().push(Uint8Array.of(0x02, 0x30, 0x30, 0x31, 0x2e, 0x32, 0x35, 0x0d), 42);
    expect(events).toEqual([
      { type: 'reading', reading: { value: mass('1.25', 'lb'), unit: 'lb', resolution: mass('0.01', 'lb'), status: 'stable', mode: 'gross', at: 42 } },
    ]);
    expect(ScaleReadingSchema.safeParse((events[0] as { reading: unknown }).reading).success).toBe(true);
  });

  it('takes the unit from the configuration, net from the N suffix, and zero as status zero', () => {
    const events = parser('kg').push(b('\x02 12.345N\r\x0200.000\r'), 1);
    expect(readings(events).map((r) => [r.value, r.unit, r.resolution, r.mode, r.status])).toEqual([
      [mass('12.345', 'kg'), 'kg', mass('0.001', 'kg'), 'net', 'stable'],
      [0, 'kg', mass('0.001', 'kg'), 'gross', 'zero'],
    ]);
  });

  it('decodes status frames: motion, over capacity, under zero, outside zero range, plain status', () => {
    const events = parser().push(b('\x02?A\r\x02?B\r\x02?D\r\x02?H\r\x02?P\r\x02?G\r'), 1);
    expect(indications(events)).toEqual(['motion', 'overload', 'underZero', 'notReady', 'overload']);
    expect(events.filter((e) => e.type === 'reply')).toHaveLength(1);
    expect(readings(events)).toEqual([]);
  });

  it('rejects a status byte without bit 6 or with bit 7 (wrong parity setting)', () => {
    expect(rejections(parser().push(Uint8Array.of(0x02, 0x3f, 0x01, 0x0d, 0x02, 0x3f, 0xc1, 0x0d), 1))).toEqual(['badStatus', 'badStatus']);
  });

  it('reassembles a frame split into single bytes', () => {
    const events = pushBytewise(parser(), b('\x02001.25\r'));
    expect(readings(events).map((r) => r.value)).toEqual([mass('1.25', 'lb')]);
    expect(rejections(events)).toEqual([]);
  });

  it('skips noise between frames and counts it', () => {
    const events = parser().push(b('xx\x0a\x02001.25\rgarbage\x00\xff\x02002.50\r'), 1);
    expect(readings(events).map((r) => r.value)).toEqual([mass('1.25', 'lb'), mass('2.5', 'lb')]);
    expect(rejections(events)).toEqual(['noise', 'noise']);
  });

  it('reports a frame cut off by the next STX as truncated and keeps the next frame', () => {
    const events = parser().push(b('\x02001.\x02002.50\r'), 1);
    expect(rejections(events)).toEqual(['truncated']);
    expect(readings(events).map((r) => r.value)).toEqual([mass('2.5', 'lb')]);
  });

  it('reports a partial frame as truncated on flush', () => {
    const p = parser();
    expect(p.push(b('\x02001.2'), 1)).toEqual([]);
    expect(p.flush()).toEqual([{ type: 'rejected', code: 'truncated', byteCount: 6 }]);
    expect(readings(p.push(b('\x02001.25\r'), 2))).toHaveLength(1);
  });

  it('rejects malformed content: two dots, letters, empty, lone dot', () => {
    expect(rejections(parser().push(b('\x021.2.3\r\x0212a\r\x02\r\x02.\r\x02 N\r'), 1))).toEqual(['malformed', 'malformed', 'malformed', 'malformed', 'malformed']);
  });

  it('rejects over-long frames without CR and resynchronises', () => {
    const events = parser().push(b(`\x02${'1'.repeat(30)}\x02001.00\r`), 1);
    expect(rejections(events)).toEqual(['tooLong', 'noise']);
    expect(readings(events).map((r) => r.value)).toEqual([mass('1', 'lb')]);
  });

  it('rejects weights that are not exact in the unit (5 decimals of a pound)', () => {
    expect(rejections(parser().push(b('\x021.00001\r'), 1))).toEqual(['unrepresentable']);
  });
});
