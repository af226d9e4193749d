import { describe, expect, it } from 'vitest';
import { createToledoContinuousParser } from '../../../shared/scale/toledoContinuousParser.ts';
import { toledoChecksum } from '../../../shared/scale/toledoContinuousFormat.ts';
import { b, indications, mass, pushBytewise, readings, rejections } from './scaleTestHelpers.ts';

/** The worked example of ../shared/reference/hardware.md §1.2: 2.50 lb gross stable, 2 decimals, ×1, checksum 0x3E. */
const EXAMPLE = Uint8Array.of(0x02, 0x2c, 0x20, 0x20, 0x30, 0x30, 0x30, 0x32, 0x35, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x0d, 0x3e);

/** A full frame from status words and fields, with a correct checksum unless `checksum` is given. */
function frame(swa: number, swb: number, swc: number, weight: string, tare = '000000', checksum?: number): Uint8Array {
  const body = [0x02, swa, swb, swc, ...b(weight), ...b(tare), 0x0d];
  return Uint8Array.from([...body, checksum ?? toledoChecksum(body, 0, body.length)]);
}

describe('Toledo Continuous parser', () => {
  it('computes the documented checksum and reads the documented example', () => {
    expect(toledoChecksum(EXAMPLE, 0, 17)).toBe(0x3e);
    expect(readings(createToledoContinuousParser().push(EXAMPLE, 7))).toEqual([
      { value: mass('2.5', 'lb'), unit: 'lb', resolution: mass('0.01', 'lb'), status: 'stable', mode: 'gross', at: 7 },
    ]);
  });

  it('decodes decimal positions, increments, kg, g, net and motion from the status words', () => {
    const events = createToledoContinuousParser().push(
      Uint8Array.from([
        ...frame(0x20 | (3 << 3) | 5, 0x20 | 0x10 | 0x01, 0x20, '012345'), // XXX.XXX kg, ×5, net
        ...frame(0x20 | (2 << 3) | 3, 0x20 | 0x08, 0x21, '001502'), // XXXXX.X g, ×2, motion
        ...frame(0x20 | (1 << 3) | 0, 0x20, 0x21, '001200'), // XXXX00 g: dummy zeros
      ]),
      1,
    );
    expect(readings(events).map((r) => [r.value, r.unit, r.resolution, r.status, r.mode])).toEqual([
      [mass('12.345', 'kg'), 'kg', mass('0.005', 'kg'), 'stable', 'net'],
      [mass('150.2', 'g'), 'g', mass('0.2', 'g'), 'motion', 'gross'],
      [mass('1200', 'g'), 'g', mass('100', 'g'), 'stable', 'gross'],
    ]);
  });

  it('accepts leading blanks in the digit fields', () => {
    expect(readings(createToledoContinuousParser().push(frame(0x2c, 0x20, 0x20, '   250', '     0'), 1)).map((r) => r.value)).toEqual([mass('2.5', 'lb')]);
  });

  it('maps negative to under zero with a negative value, out of range to overload/under-zero indications', () => {
    const events = createToledoContinuousParser().push(
      Uint8Array.from([...frame(0x2c, 0x20 | 0x02, 0x20, '000012'), ...frame(0x2c, 0x20 | 0x04, 0x20, '999999'), ...frame(0x2c, 0x20 | 0x06, 0x20, '000000')]),
      1,
    );
    expect(readings(events).map((r) => [r.value, r.status])).toEqual([[-mass('0.12', 'lb'), 'underZero']]);
    expect(indications(events)).toEqual(['overload', 'underZero']);
  });

  it('treats power-up-not-zeroed and expanded display as not ready', () => {
    const events = createToledoContinuousParser().push(Uint8Array.from([...frame(0x2c, 0x20 | 0x40, 0x20, '000250'), ...frame(0x2c, 0x20, 0x20 | 0x10, '000250')]), 1);
    expect(indications(events)).toEqual(['notReady', 'notReady']);
    expect(readings(events)).toEqual([]);
  });

  it('rejects a wrong checksum and keeps the next frame', () => {
    const bad = frame(0x2c, 0x20, 0x20, '000250', '000000', 0x3f);
    const events = createToledoContinuousParser().push(Uint8Array.from([...bad, ...EXAMPLE]), 1);
    expect(rejections(events)).toEqual(['badChecksum']);
    expect(readings(events)).toHaveLength(1);
  });

  it('rejects a corrupted digit even though the layout is intact (the checksum catches it)', () => {
    const corrupted = Uint8Array.from(EXAMPLE);
    corrupted[7] = 0x33; // 000250 → 000350
    expect(rejections(createToledoContinuousParser().push(corrupted, 1))).toEqual(['badChecksum']);
  });

  it('rejects bad status words, unsupported units, a zero increment and non-zero dummy digits', () => {
    const events = createToledoContinuousParser().push(
      Uint8Array.from([
        ...frame(0x0c, 0x20, 0x20, '000250'), // SWA bit 5 clear
        ...frame(0x2c, 0x20, 0x22, '000250'), // SWC unit 2 = tonnes
        ...frame(0x24, 0x20, 0x20, '000250'), // increment code 0
        ...frame(0x28, 0x20, 0x20, '001234'), // XXXX00 but last digits 34
        ...frame(0x2c, 0x20, 0x20, '00 250'), // blank inside the digits
      ]),
      1,
    );
    expect(rejections(events)).toEqual(['badStatus', 'unsupportedUnit', 'badStatus', 'malformed', 'malformed']);
    expect(readings(events)).toEqual([]);
  });

  it('reassembles frames fed one byte at a time, with noise before and between them', () => {
    const events = pushBytewise(createToledoContinuousParser(), Uint8Array.from([0x41, 0x0d, ...EXAMPLE, 0xff, 0x00, ...EXAMPLE]));
    expect(readings(events)).toHaveLength(2);
    expect(rejections(events).every((c) => c === 'noise')).toBe(true);
  });

  it('reports a frame cut off by the next STX as truncated, and a tail on flush', () => {
    const parser = createToledoContinuousParser();
    const events = parser.push(Uint8Array.from([...EXAMPLE.subarray(0, 9), ...EXAMPLE, ...EXAMPLE.subarray(0, 5)]), 1);
    expect(rejections(events)).toEqual(['truncated']);
    expect(readings(events)).toHaveLength(1);
    expect(rejections(parser.flush())).toEqual(['truncated']);
  });

  it('parses the short formats when configured for them', () => {
    const noTare = Uint8Array.of(0x02, 0x2c, 0x20, 0x20, ...b('000250'), 0x0d);
    const withChecksum = Uint8Array.from([...noTare, toledoChecksum(noTare, 0, noTare.length)]);
    expect(readings(createToledoContinuousParser({ tareField: false, checksum: false }).push(noTare, 1)).map((r) => r.value)).toEqual([mass('2.5', 'lb')]);
    expect(readings(createToledoContinuousParser({ tareField: false, checksum: true }).push(withChecksum, 1)).map((r) => r.value)).toEqual([mass('2.5', 'lb')]);
    expect(readings(createToledoContinuousParser({ tareField: true, checksum: false }).push(EXAMPLE.subarray(0, 17), 1))).toHaveLength(1);
  });

  it('rejects 5 decimals of a pound (not exact in mass quanta) instead of rounding', () => {
    expect(rejections(createToledoContinuousParser().push(frame(0x20 | 0x08 | 7, 0x20, 0x20, '123456'), 1))).toEqual(['unrepresentable']);
  });
});
