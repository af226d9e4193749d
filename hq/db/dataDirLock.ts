/**
 * PGlite is single-process: two processes opening one data directory would corrupt it. The first opener writes
 * `hq.lock` (its pid); a second opener is refused while that process lives. A lock left by a dead process is taken
 * over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HqError } from '../hqError.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'hq.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new HqError('UNAVAILABLE', `The HQ data directory ${dataDir} is in use by process ${pid} (an HQ server?). PGlite allows one process at a time: stop it first, or use DATABASE_URL with PostgreSQL.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new HqError('UNAVAILABLE', `Could not lock the HQ data directory ${dataDir}`);
}
