import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSimulatorRegistry, registerSimulator } from '../../../electron/devices/scale/simulatedPortRegistry.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('simulated port registry', () => {
  it('lists live simulators with their USB identity and forgets them when withdrawn', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'scale-registry-'));
    const withdraw = await registerSimulator({ path: '/dev/null', vendorId: '1a86', productId: '7523', serialNumber: 'SIM-1', pid: process.pid, description: 'test' }, dir);
    expect((await readSimulatorRegistry(dir)).ports).toEqual([
      { path: '/dev/null', vendorId: '1a86', productId: '7523', serialNumber: 'SIM-1', manufacturer: 'test', source: 'simulator' },
    ]);
    await withdraw();
    expect(await readdir(dir)).toEqual([]);
  });

  it('skips entries of dead processes or vanished ptys, and reports invalid files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'scale-registry-'));
    await registerSimulator({ path: '/dev/pts/99999', vendorId: '1a86', productId: '7523', serialNumber: 'GONE', pid: process.pid, description: 'x' }, dir);
    await registerSimulator({ path: '/dev/null', vendorId: '1a86', productId: '7523', serialNumber: 'DEAD', pid: 2 ** 22 + 12345, description: 'x' }, dir);
    await writeFile(path.join(dir, 'broken.json'), '{"path": 3');
    await writeFile(path.join(dir, 'wrong.json'), JSON.stringify({ path: '/dev/null' }));
    const contents = await readSimulatorRegistry(dir);
    expect(contents.ports).toEqual([]);
    expect(contents.invalidFiles.sort()).toEqual(['broken.json', 'wrong.json']);
  });

  it('reads a missing registry as empty', async () => {
    expect(await readSimulatorRegistry(path.join(os.tmpdir(), 'no-such-scale-registry-dir'))).toEqual({ ports: [], invalidFiles: [] });
  });
});
