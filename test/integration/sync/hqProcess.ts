/**
 * Runs `node hq/cli/main.ts serve …` as a child process (as `npm run hq -- serve` does) and waits for its
 * {"event":"listening"} line. Used by the CLI test and the benchmarks (HQ in its own process, as in production).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface HqProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

export function startHqProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<HqProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'hq/cli/main.ts'), 'serve', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`HQ did not start within ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    let listening = false;
    void exited.then((code) => {
      if (listening) return;
      clearTimeout(timer);
      reject(new Error(`HQ exited with ${String(code)} before listening:\n${err}`));
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      if (listening) return;
      listening = true;
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        child,
        stderr: () => err,
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

export function readToken(file: string): string {
  return readFileSync(file, 'utf8').trim();
}
