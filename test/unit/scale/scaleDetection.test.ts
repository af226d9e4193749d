import { describe, expect, it } from 'vitest';
import { detectToledoFormat, judgeRequestAnswer } from '../../../shared/scale/scaleDetection.ts';
import { displayState } from '../../../shared/scale/scaleDisplayState.ts';
import { encodeToledoContinuousFrame } from '../../../shared/scale/toledoContinuousEncoder.ts';
import { TOLEDO_FORMATS } from '../../../shared/scale/toledoContinuousFormat.ts';
import { b, mass } from './scaleTestHelpers.ts';

describe('protocol detection', () => {
  it.each(TOLEDO_FORMATS)('finds the Toledo format %o from a captured stream starting mid-frame', (format) => {
    const frame = encodeToledoContinuousFrame({ ...displayState({ value: mass('2.5', 'lb') }), unit: 'lb' }, { format });
    const stream = Uint8Array.from([...frame.subarray(5), ...frame, ...frame, ...frame]);
    expect(detectToledoFormat(stream)).toEqual(format);
  });

  it('finds no Toledo format in noise or in a single frame', () => {
    const frame = encodeToledoContinuousFrame({ ...displayState({ value: mass('2.5', 'lb') }), unit: 'lb' });
    expect(detectToledoFormat(frame)).toBeNull();
    expect(detectToledoFormat(b('\x02hello\r\x02world\r'))).toBeNull();
  });

  it('judges answers by which parser validates them', () => {
    expect(judgeRequestAnswer(b('\n0001.25LB\r\n00\r\x03'))).toEqual({ protocol: { protocol: 'nci' }, unitConfirmed: true });
    expect(judgeRequestAnswer(b('\n?\r\x03'))).toEqual({ protocol: { protocol: 'nci' }, unitConfirmed: true });
    expect(judgeRequestAnswer(b('S S      1.25 kg\r\n'))).toEqual({ protocol: { protocol: 'mt-sics' }, unitConfirmed: true });
    expect(judgeRequestAnswer(b('ES\r\n'))).toEqual({ protocol: { protocol: 'mt-sics' }, unitConfirmed: true });
    expect(judgeRequestAnswer(b('\x02001.25\r'))).toEqual({ protocol: { protocol: 'mettler-8213', unit: 'lb' }, unitConfirmed: false });
    expect(judgeRequestAnswer(b('\x02?A\r'))).toEqual({ protocol: { protocol: 'mettler-8213', unit: 'lb' }, unitConfirmed: false });
    expect(judgeRequestAnswer(b('W\r'))).toBeNull();
    expect(judgeRequestAnswer(Uint8Array.of(0xd7, 0x8d, 0x82))).toBeNull();
  });
});
