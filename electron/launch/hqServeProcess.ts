/**
 * `hq serve` as a child process: starts it, waits for its one `{"event":"listening","url":…}` line on stdout
 * (validated), and stops it with SIGTERM. Used by `npm start`'s demo HQ and by the tests that run HQ as a process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const ListeningSchema = z.object({ event: z.literal('listening'), url: z.string().url() });

export interface HqServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What HQ wrote to stderr (the last 64 KB). */
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function startHqServe(root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<HqServeProcess> {
  const child = spawn(process.execPath, [path.join(root, 'hq', 'cli', 'main.ts'), 'serve', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + String(d)).slice(-65_536)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`HQ did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      if (listening) return;
      clearTimeout(timer);
      reject(new Error(`HQ exited (${String(code)}) before it was listening: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (listening) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return; // not the listening line: HQ log output
      }
      const parsed = ListeningSchema.safeParse(json);
      if (!parsed.success) return;
      listening = true;
      clearTimeout(timer);
      resolve({
        url: parsed.data.url,
        child,
        stderr: () => stderr,
        stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
