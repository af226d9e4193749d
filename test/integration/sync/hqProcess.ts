/**
 * Runs `node hq/cli/main.ts serve …` as a child process (as `npm run hq -- serve` does) and waits for its
 * {"event":"listening"} line. Used by the CLI test and the benchmarks (HQ in its own process, as in production).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHqServe, type HqServeProcess } from '../../../electron/launch/hqServeProcess.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type HqProcess = HqServeProcess;

/** `hq serve` with these arguments, run from this checkout. */
export function startHqProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<HqProcess> {
  return startHqServe(REPO_ROOT, args, env, timeoutMs);
}

export function readToken(file: string): string {
  return readFileSync(file, 'utf8').trim();
}
