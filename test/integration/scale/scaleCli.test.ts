/**
 * The scale CLI commands against real PTY simulators: scale-probe prints the protocol, the settings to save and live
 * readings; scale-sim runs as its own process, registers itself, and is listed by scale-list.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/cliCommand.ts';
import scaleList from '../../../electron/cli/commands/scale-list.ts';
import scaleProbe from '../../../electron/cli/commands/scale-probe.ts';
import { startPtyScaleSimulator, type PtyScaleSimulator } from '../../../electron/devices/scale/ptyScaleSimulator.ts';
import { ScaleSettingsSchema } from '../../../shared/scale/scaleSettings.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import { until } from './ptyHarness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function captureIo(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (l) => out_.push(l), err: (l) => err_.push(l) };
}

let sim: PtyScaleSimulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

describe('scale CLI', () => {
  it('scale-probe <port> prints the detected protocol, the settings to save and live readings', async () => {
    const started = await startPtyScaleSimulator({ protocol: { protocol: 'nci', shape: 'scp12' }, model: { motionMs: 0 } });
    if (!started.ok) throw new Error(started.message);
    sim = started.simulator;
    sim.place(massFromDecimal('2.5', 'lb') ?? 0);
    const io = captureIo();
    const code = await scaleProbe.run([sim.hostPath() ?? '', '--seconds', '1'], io);
    expect(code).toBe(0);
    expect(io.out_).toContain('Protocol: NCI (Weigh-Tronix / Avery / Brecknell)');
    expect(io.out_).toContain('Line:     9600 7E1');
    const settingsLine = io.out_.find((l) => l.startsWith('Settings: ')) ?? '';
    expect(ScaleSettingsSchema.safeParse(JSON.parse(settingsLine.slice('Settings: '.length))).success).toBe(true);
    expect(io.out_.some((l) => /2\.50 lb\s+stable\s+gross/.test(l))).toBe(true);
  });

  it('scale-probe reports bad usage and unknown ports with the documented exit codes', async () => {
    expect(await scaleProbe.run([], captureIo())).toBe(2);
    expect(await scaleProbe.run(['/dev/ttyUSB0', '--line', 'fast'], captureIo())).toBe(2);
    const io = captureIo();
    expect(await scaleProbe.run(['/dev/does-not-exist'], io)).toBe(1);
    expect(io.err_.join(' ')).toMatch(/Cannot open/);
  });

  it('scale-sim runs a registered simulator that scale-list shows and scale-probe recognises', async () => {
    const registry = await mkdtemp(path.join(os.tmpdir(), 'scale-cli-'));
    const child = spawn(process.execPath, [path.join(root, 'electron/cli/main.ts'), 'scale-sim', 'mt-sics'], {
      cwd: root,
      env: { ...process.env, ECMS_SCALE_SIM_REGISTRY: registry },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (t: string) => (output += t));
    try {
      await until(() => /on (\/dev\/pts\/\d+)/.test(output), 15_000, 'scale-sim to start');
      const ptyPath = /on (\/dev\/pts\/\d+)/.exec(output)?.[1] ?? '';
      child.stdin.write('place 1.5lb\n');

      const listed = captureIo();
      const previous = process.env['ECMS_SCALE_SIM_REGISTRY'];
      process.env['ECMS_SCALE_SIM_REGISTRY'] = registry;
      try {
        expect(await scaleList.run([], listed)).toBe(0);
      } finally {
        if (previous === undefined) delete process.env['ECMS_SCALE_SIM_REGISTRY'];
        else process.env['ECMS_SCALE_SIM_REGISTRY'] = previous;
      }
      expect(listed.out_.some((l) => l.includes(ptyPath) && l.includes('1a86:7523') && l.includes('SIM-mt-sics'))).toBe(true);

      const probed = captureIo();
      expect(await scaleProbe.run([ptyPath, '--seconds', '1'], probed)).toBe(0);
      expect(probed.out_).toContain('Protocol: Mettler Toledo MT-SICS');
      expect(probed.out_.some((l) => /1\.50 lb\s+stable/.test(l))).toBe(true);
    } finally {
      child.stdin.write('quit\n');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await rm(registry, { recursive: true, force: true });
    }
  });
});
