/**
 * The serial scanner's text hygiene and length limit (electron/devices/scanner/): the same 200-character limit as
 * every other scan path (SCAN_MAX_LENGTH), and NUL / control / C1 bytes stripped before a scan is handed on, so the
 * raw text the station stores is clean.
 */
import { describe, expect, it } from 'vitest';
import { createScanLineFramer } from '../../../electron/devices/scanner/scanLineFramer.ts';
import { SerialScannerSettingsSchema, serialScannerSettingsFromSpec } from '../../../electron/devices/scanner/serialScannerSettings.ts';
import { SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('serial scan hygiene', () => {
  it('strips a leading NUL, BEL and C1 bytes, keeps GS and the AIM prefix', () => {
    const f = createScanLineFramer(SCAN_MAX_LENGTH);
    expect(f.push(bytes('\u0000]C1420787\u001d9400\u0007111\u0085206\r\n'))).toEqual([{ type: 'scan', text: ']C1420787\u001d9400111206' }]);
  });

  it('ignores a line of nothing but line noise', () => {
    const f = createScanLineFramer(SCAN_MAX_LENGTH);
    expect(f.push(bytes('\u0000\u0000\u0090\rAPELAX1040039963\r'))).toEqual([{ type: 'scan', text: 'APELAX1040039963' }]);
  });
});

describe('serial scan length limit', () => {
  it(`is ${SCAN_MAX_LENGTH} characters by default and cannot be raised above it`, () => {
    expect(serialScannerSettingsFromSpec('serial:/dev/ttyACM0')?.maxLineLength).toBe(SCAN_MAX_LENGTH);
    expect(SerialScannerSettingsSchema.safeParse({ identity: { kind: 'path', path: '/dev/x' }, maxLineLength: SCAN_MAX_LENGTH + 1 }).success).toBe(false);
  });

  it(`passes a ${SCAN_MAX_LENGTH}-character scan and drops a longer one`, () => {
    const f = createScanLineFramer(SCAN_MAX_LENGTH);
    expect(f.push(bytes(`${'A'.repeat(SCAN_MAX_LENGTH)}\r`))).toEqual([{ type: 'scan', text: 'A'.repeat(SCAN_MAX_LENGTH) }]);
    expect(f.push(bytes(`${'B'.repeat(SCAN_MAX_LENGTH + 1)}\r`))).toEqual([{ type: 'overflow', droppedBytes: SCAN_MAX_LENGTH + 1 }]);
  });
});
