/**
 * A directory where running PTY scale simulators (npm run cli -- scale-sim) announce their port with a fake USB
 * identity, so that `scale-list`, the probe and a ScaleConnection can find a simulated scale like a real one.
 * Pseudo-terminals are never in the OS listing, hence this registry. Stale entries (dead process, vanished pty)
 * are skipped; unreadable files are reported as invalid, not turned into ports.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { UsbIdSchema } from '../../../shared/scale/scaleSettings.ts';
import type { ListedPort } from './listedPort.ts';

/** ECMS_SCALE_SIM_REGISTRY, or ecms-scale-sim in the OS temp directory; read at each call. */
export function defaultSimulatorRegistry(): string {
  return process.env['ECMS_SCALE_SIM_REGISTRY'] ?? path.join(os.tmpdir(), 'ecms-scale-sim');
}

const DescriptorSchema = z.object({
  path: z.string().min(1),
  vendorId: UsbIdSchema,
  productId: UsbIdSchema,
  serialNumber: z.string().min(1),
  pid: z.number().int().positive(),
  description: z.string(),
});
export type SimulatorDescriptor = z.infer<typeof DescriptorSchema>;

export interface SimulatorRegistryContents {
  readonly ports: ListedPort[];
  /** Files that were not valid descriptors. */
  readonly invalidFiles: string[];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readSimulatorRegistry(dir = defaultSimulatorRegistry()): Promise<SimulatorRegistryContents> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ports: [], invalidFiles: [] };
    throw error;
  }
  const ports: ListedPort[] = [];
  const invalidFiles: string[] = [];
  for (const file of files) {
    let parsed: ReturnType<typeof DescriptorSchema.safeParse>;
    try {
      parsed = DescriptorSchema.safeParse(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    } catch {
      invalidFiles.push(file);
      continue;
    }
    if (!parsed.success) {
      invalidFiles.push(file);
      continue;
    }
    const d = parsed.data;
    if (!processAlive(d.pid) || !existsSync(d.path)) continue;
    ports.push({ path: d.path, vendorId: d.vendorId, productId: d.productId, serialNumber: d.serialNumber, manufacturer: d.description, source: 'simulator' });
  }
  return { ports, invalidFiles };
}

export async function listRegisteredSimulators(dir = defaultSimulatorRegistry()): Promise<ListedPort[]> {
  return (await readSimulatorRegistry(dir)).ports;
}

/** Announces a simulator; returns a function that withdraws it. */
export async function registerSimulator(descriptor: SimulatorDescriptor, dir = defaultSimulatorRegistry()): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${descriptor.serialNumber.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(DescriptorSchema.parse(descriptor)));
  await rename(temp, file);
  return () => rm(file, { force: true });
}
