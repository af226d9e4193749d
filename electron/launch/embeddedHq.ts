/**
 * The demo's HQ: the HQ service with PGlite in .data/hq, run beside the demo station as its own process (the HQ is a
 * separate service; the station only talks to it over HTTP), seeded with the sample manifests and reference data,
 * with a token for the demo station.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startHqServe } from './hqServeProcess.ts';
import type { SupervisedChild } from './supervise.ts';

export interface EmbeddedHq extends SupervisedChild {
  readonly url: string;
  readonly token: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startEmbeddedHq(root: string, station: { stationId: string; warehouse: string }, dataRoot = path.join(root, '.data')): Promise<EmbeddedHq> {
  const tokenFile = path.join(dataRoot, `${station.stationId}.token`);
  const referenceDir = path.join(root, 'resources', 'reference');
  const reference = readdirSync(referenceDir).filter((f) => f.endsWith('.json')).flatMap((f) => ['--seed-reference', path.join(referenceDir, f)]);
  const hq = await startHqServe(root, [
    '--data-dir', path.join(dataRoot, 'hq'), '--port', '0',
    '--ensure-station', `${station.stationId}:${station.warehouse}`, '--token-file', tokenFile,
    '--seed-manifests', path.join(root, 'resources', 'demo', 'manifests.json'), ...reference,
  ]);
  return {
    name: 'the demo HQ',
    child: hq.child,
    url: hq.url,
    token: readFileSync(tokenFile, 'utf8').trim(),
    stop: async () => {
      await hq.stop();
    },
  };
}
