import { describe, expect, it } from 'vitest';
import { createScaleEventHub } from '../../../electron/devices/scale/scaleEventHub.ts';
import type { ScaleDeviceStatus } from '../../../shared/scale/reading.ts';
import { processLogger, setProcessLogger } from '../../../electron/log/processLogger.ts';
import { LEVEL, recordingLogger } from '../../support/recordingLogger.ts';

const base: ScaleDeviceStatus = { state: 'connecting', protocol: 'nci', label: 'x' };

describe('scale event hub', () => {
  it('emits a status only when it changes', () => {
    const hub = createScaleEventHub(base);
    const seen: string[] = [];
    hub.source.onStatus((s) => seen.push(`${s.state}:${s.message ?? ''}`));
    hub.setStatus(base);
    hub.setStatus({ ...base, state: 'connected' });
    hub.setStatus({ ...base, state: 'connected' });
    hub.setStatus({ ...base, state: 'error', message: 'a', problem: 'noAnswer' });
    hub.setStatus({ ...base, state: 'error', message: 'b', problem: 'noAnswer' });
    expect(seen).toEqual(['connected:', 'error:a', 'error:b']);
  });

  it('counts rejected frames by code and bytes, and valid frames', () => {
    const hub = createScaleEventHub(base);
    hub.dispatch([
      { type: 'rejected', code: 'noise', byteCount: 3 },
      { type: 'rejected', code: 'badChecksum', byteCount: 18 },
      { type: 'rejected', code: 'noise', byteCount: 2 },
      { type: 'indication', indication: { condition: 'motion', at: 5 } },
    ]);
    expect(hub.source.diagnostics()).toEqual({ validFrames: 1, rejected: { noise: 2, badChecksum: 1 }, rejectedBytes: 23, reconnects: 0, lastFrameAt: 5 });
  });

  it('keeps delivering to other listeners when one throws, and logs the error', () => {
    const hub = createScaleEventHub(base);
    const got: number[] = [];
    hub.source.onIndication(() => {
      throw new Error('listener bug');
    });
    hub.source.onIndication((i) => got.push(i.at));
    const before = processLogger();
    const { logger, lines } = recordingLogger();
    setProcessLogger(logger);
    try {
      hub.dispatch([{ type: 'indication', indication: { condition: 'motion', at: 7 } }]);
    } finally {
      setProcessLogger(before);
    }
    expect(got).toEqual([7]);
    expect(lines.filter((l) => l.level === LEVEL.error).map((l) => (l['err'] as { message: string }).message)).toEqual(['listener bug']);
  });

  it('unsubscribes and goes silent after close', () => {
    const hub = createScaleEventHub(base);
    const got: number[] = [];
    const off = hub.source.onIndication((i) => got.push(i.at));
    hub.dispatch([{ type: 'indication', indication: { condition: 'motion', at: 1 } }]);
    off();
    hub.dispatch([{ type: 'indication', indication: { condition: 'motion', at: 2 } }]);
    hub.source.onIndication((i) => got.push(i.at));
    hub.close();
    hub.dispatch([{ type: 'indication', indication: { condition: 'motion', at: 3 } }]);
    expect(got).toEqual([1]);
  });
});
