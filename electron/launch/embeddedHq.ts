/**
 * The demo's HQ: the HQ service with PGlite in .data/hq, run beside the demo station as its own process (the HQ is a
 * separate service; the station only talks to it over HTTP), seeded with the sample manifests and reference data,
 * with a token for the demo station.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const ListeningSchema = z.object({ event: z.literal('listening'), url: z.string().url() });

export interface EmbeddedHq {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

export async function startEmbeddedHq(root: string, station: { stationId: string; warehouse: string }, dataRoot = path.join(root, '.data')): Promise<EmbeddedHq> {
  const dataDir = path.join(dataRoot, 'hq');
  const tokenFile = path.join(dataRoot, `${station.stationId}.token`);
  const referenceDir = path.join(root, 'resources', 'reference');
  const reference = readdirSync(referenceDir).filter((f) => f.endsWith('.json')).flatMap((f) => ['--seed-reference', path.join(referenceDir, f)]);
  const child: ChildProcess = spawn(process.execPath, [
    path.join(root, 'hq', 'cli', 'main.ts'), 'serve', '--data-dir', dataDir, '--port', '0',
    '--ensure-station', `${station.stationId}:${station.warehouse}`, '--token-file', tokenFile,
    '--seed-manifests', path.join(root, 'resources', 'demo', 'manifests.json'), ...reference,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + String(d)).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo HQ did not start within 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = ListeningSchema.safeParse(JSON.parse(line));
        if (parsed.success) {
          clearTimeout(timer);
          resolve(parsed.data.url);
        }
      } catch {
        // Not JSON: HQ log output.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo HQ exited (${code}) before it was ready: ${stderr}`));
    });
  });
  return {
    url,
    token: readFileSync(tokenFile, 'utf8').trim(),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
