import { describe, expect, it } from 'vitest';
import { LINE_9600_7E1, formatLineSettings, parseLineSettings } from '../../../shared/scale/lineSettings.ts';

describe('line settings', () => {
  it('formats and parses "9600 7E1"', () => {
    expect(formatLineSettings(LINE_9600_7E1)).toBe('9600 7E1');
    expect(parseLineSettings(' 4800 8n1 ')).toEqual({ baudRate: 4800, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(parseLineSettings('19200 7O2')).toEqual({ baudRate: 19200, dataBits: 7, parity: 'odd', stopBits: 2 });
  });

  it('rejects anything else', () => {
    for (const text of ['9600', '9600 6E1', '9600 7X1', '100 8N1', '9600 8N3', 'fast']) expect(parseLineSettings(text)).toBeNull();
  });
});
