import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedScale, type SimulatedScale } from '../../../electron/devices/scale/simulatedScale.ts';
import { createCaptureGate, type WeightCapture } from '../../../shared/scale/captureGate.ts';
import type { ScaleReading } from '../../../shared/scale/reading.ts';
import { SERIAL_SCALE_PROTOCOL_IDS } from '../../../shared/scale/scaleProtocolId.ts';
import { waitUntil } from './fakeSerialLine.ts';
import { mass } from './scaleTestHelpers.ts';

let scale: SimulatedScale | null = null;
afterEach(async () => {
  await scale?.stop();
  scale = null;
});

describe('in-process simulated scale', () => {
  it.each(SERIAL_SCALE_PROTOCOL_IDS)('goes through motion then a stable weight that the capture gate takes (%s frames)', async (protocol) => {
    scale = createSimulatedScale({ protocol, intervalMs: 10, motionMs: 150 });
    const seen: Array<ScaleReading['status'] | string> = [];
    const captures: Array<{ capture: WeightCapture; duringMotion: boolean }> = [];
    const gate = createCaptureGate({ settleMs: 100 });
    let moving = false;
    scale.onReading((r) => {
      seen.push(r.status);
      moving = r.status === 'motion';
      const update = gate.feedReading(r, Date.now());
      if (update.captured) captures.push({ capture: update.captured, duringMotion: moving });
    });
    scale.onIndication((i) => {
      seen.push(i.condition);
      moving = i.condition === 'motion';
      gate.feedIndication(i, Date.now());
    });
    expect(scale.status()).toMatchObject({ state: 'connected', protocol: 'simulated' });
    await waitUntil(() => seen.includes('zero'), 2000, 'zero');
    scale.place(mass('4.2', 'lb'));
    await waitUntil(() => captures.length > 0, 3000, 'capture');
    expect(seen).toContain('motion');
    expect(captures).toHaveLength(1);
    expect(captures[0]?.capture.value).toBe(mass('4.2', 'lb'));
    expect(captures[0]?.duringMotion).toBe(false);
    expect(scale.diagnostics().rejectedBytes).toBe(0);
  });

  it('reports pounds-ounces through NCI frames', async () => {
    scale = createSimulatedScale({ protocol: 'nci', unit: 'lb-oz', decimals: 1, intervalMs: 10, motionMs: 0 });
    const got: ScaleReading[] = [];
    scale.onReading((r) => got.push(r));
    scale.place(mass('2', 'lb') + mass('3.5', 'oz'));
    await waitUntil(() => got.some((r) => r.status === 'stable'), 2000, 'stable');
    expect(got.find((r) => r.status === 'stable')).toMatchObject({ unit: 'lb-oz', value: mass('2', 'lb') + mass('3.5', 'oz') });
  });

  it('stops emitting after stop()', async () => {
    scale = createSimulatedScale({ intervalMs: 5 });
    let count = 0;
    scale.onReading(() => (count += 1));
    await waitUntil(() => count > 2, 2000, 'readings');
    await scale.stop();
    const frozen = count;
    await new Promise((r) => setTimeout(r, 50));
    expect(count).toBe(frozen);
  });
});
