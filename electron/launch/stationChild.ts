/**
 * The browser-mode station as `npm start`'s child process: runs electron/host/runBrowserStation.ts, waits for its
 * ready line (validated), and passes its other output through. Its stdin is a pipe from the launcher, so it stops
 * by itself if the launcher goes away (ECMS_SUPERVISED=1, see runBrowserStation.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { SupervisedChild } from './supervise.ts';

const READY_PREFIX = 'ECMS_STATION_READY ';

export const StationReadySchema = z.object({
  pageUrl: z.string().url(),
  origin: z.string().url(),
  stationId: z.string(),
  warehouse: z.string(),
  dataDir: z.string(),
  demo: z.boolean(),
}).passthrough();
export type StationReady = z.infer<typeof StationReadySchema>;

export interface StationChild extends SupervisedChild {
  readonly ready: StationReady;
}

export function startStationChild(root: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<StationChild> {
  const child = spawn(process.execPath, [path.join(root, 'electron', 'host', 'runBrowserStation.ts'), ...args], {
    cwd: root,
    env: { ...env, ECMS_SUPERVISED: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the station did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    void exited.then((code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`the station stopped (exit code ${String(code)}) before it was ready; its log says why`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (ready || !line.startsWith(READY_PREFIX)) {
        process.stdout.write(`${line}\n`);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(line.slice(READY_PREFIX.length));
      } catch {
        json = null;
      }
      const parsed = StationReadySchema.safeParse(json);
      if (!parsed.success) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        name: 'the station',
        child,
        ready: parsed.data,
        stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
