import { describe, expect, it } from 'vitest';
import { createScanLineFramer } from '../../../electron/devices/scanner/scanLineFramer.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('createScanLineFramer', () => {
  it('frames CR, CR LF and LF terminated scans and ignores empty lines', () => {
    const f = createScanLineFramer(64);
    expect(f.push(bytes('APELAX1040039963\r1Z879E930346834440\r\nTBA000000000000\n\r\n'))).toEqual([
      { type: 'scan', text: 'APELAX1040039963' },
      { type: 'scan', text: '1Z879E930346834440' },
      { type: 'scan', text: 'TBA000000000000' },
    ]);
  });

  it('reassembles scans split across chunks, including a CR LF split between chunks', () => {
    const f = createScanLineFramer(64);
    expect(f.push(bytes('9400111206'))).toEqual([]);
    expect(f.pending()).toBe(10);
    expect(f.push(bytes('206406260787\r'))).toEqual([{ type: 'scan', text: '9400111206206406260787' }]);
    expect(f.push(bytes('\n'))).toEqual([]);
  });

  it('keeps GS separators and the AIM prefix byte for byte', () => {
    const f = createScanLineFramer(64);
    expect(f.push(bytes(']C142078745\u001d9400111206206406260787\r\n'))).toEqual([{ type: 'scan', text: ']C142078745\u001d9400111206206406260787' }]);
  });

  it('drops an over-long run without a line end and reports it once, then recovers', () => {
    const f = createScanLineFramer(16);
    expect(f.push(bytes('x'.repeat(40)))).toEqual([]);
    expect(f.push(bytes('yyyy\rAPELAX1040039963\r'))).toEqual([
      { type: 'overflow', droppedBytes: 44 },
      { type: 'scan', text: 'APELAX1040039963' },
    ]);
  });
});
