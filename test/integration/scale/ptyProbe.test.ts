/** The probe over real PTYs with the real serialport binding: every simulated protocol is recognised. */
import { afterEach, describe, expect, it } from 'vitest';
import { probeScalePort } from '../../../electron/devices/scale/probeScalePort.ts';
import { startPtyScaleSimulator, type PtyScaleSimulator } from '../../../electron/devices/scale/ptyScaleSimulator.ts';
import { LINE_9600_7E1 } from '../../../shared/scale/lineSettings.ts';
import { describeSimulatorProtocol, type SimulatorProtocol } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';

let sim: PtyScaleSimulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

const protocols: SimulatorProtocol[] = [
  { protocol: 'mettler-8213' },
  { protocol: 'toledo-continuous', tareField: true, checksum: true },
  { protocol: 'toledo-continuous', tareField: false, checksum: false },
  { protocol: 'mt-sics' },
  { protocol: 'nci', shape: 'scp01' },
  { protocol: 'nci', shape: 'scp02' },
  { protocol: 'nci', shape: 'scp12' },
];

describe.each(protocols.map((p) => ({ name: describeSimulatorProtocol(p), protocol: p })))('probe of $name over a real PTY', ({ protocol }) => {
  it('detects the protocol and the settings to save', async () => {
    const started = await startPtyScaleSimulator({ protocol, model: { motionMs: 0 } });
    if (!started.ok) throw new Error(started.message);
    sim = started.simulator;
    sim.place(massFromDecimal('1.25', 'lb') ?? 0);
    const path = sim.hostPath() ?? '';
    // A pty carries no baud rate or parity, so the first candidate setting always works here; line-setting
    // detection itself is covered with a garbling fake line in test/unit/scale/probeScalePort.test.ts.
    const result = await probeScalePort({ path });
    expect(result).toEqual({ ok: true, protocol: sim.hostConfig, line: LINE_9600_7E1, unitConfirmed: protocol.protocol !== 'mettler-8213' });
  });
});
