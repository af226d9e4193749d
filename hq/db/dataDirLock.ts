/**
 * PGlite is single-process: two processes opening one data directory would corrupt it. The first opener writes
 * `hq.lock` (its pid and, on Linux, the boot and start time of that process); a second opener is refused while that
 * process lives. A lock left by a process that is gone — including a pid now reused by an unrelated process, told by
 * its different start time — is taken over safely: the stale file is first renamed aside (atomic, so of two
 * processes taking over at once only one succeeds) and checked to be the one judged stale, then a new lock is
 * created exclusively.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HqError } from '../hqError.ts';

export const LOCK_FILE = 'hq.lock';

const LockSchema = z.object({ pid: z.number().int().positive(), start: z.string().min(1).nullable() });
type LockHolder = z.infer<typeof LockSchema>;

/** Where a process's identity is read (tests point it elsewhere). */
export interface ProcessTable {
  /** True if a process with this pid exists. */
  alive(pid: number): boolean;
  /** Boot id and start time of the process, or null where the system does not tell (not Linux). */
  startOf(pid: number): string | null;
}

export const systemProcessTable: ProcessTable = {
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  startOf(pid) {
    try {
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 22 (starttime) counts from after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const started = fields[19];
      return started ? `${boot}:${started}` : null;
    } catch {
      return null;
    }
  },
};

/** The holder a lock file names: the JSON form, or the older bare pid; null if it names none (e.g. left empty). */
export function parseLock(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null };
  try {
    const parsed = LockSchema.safeParse(JSON.parse(trimmed));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The lock's holder still runs: its pid exists and, where both are known, started when the lock says. */
export function holderLives(holder: LockHolder, table: ProcessTable): boolean {
  if (!table.alive(holder.pid)) return false;
  if (holder.start === null) return true;
  const now = table.startOf(holder.pid);
  return now === null || now === holder.start;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Moves a stale lock aside if it still holds `staleText`; false if it changed meanwhile (someone else took over). */
function setAside(file: string, staleText: string): boolean {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true; // already gone: try to create ours
    throw err;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved === staleText) {
    rmSync(aside, { force: true });
    return true;
  }
  // A fresh lock was created between our read and our rename: put it back unless yet another one exists.
  if (!existsSync(file)) renameSync(aside, file);
  else rmSync(aside, { force: true });
  return false;
}

/** Returns the release function (it removes the lock only while it is still this process's). */
export function lockDataDir(dataDir: string, table: ProcessTable = systemProcessTable, pid: number = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid, start: table.startOf(pid) } satisfies LockHolder);
  for (let tries = 0; tries < 5; tries++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => {
        if (readOrNull(file) === mine) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = readOrNull(file);
    if (text === null) continue;
    const holder = parseLock(text);
    if (holder && holder.pid !== pid && holderLives(holder, table)) {
      throw new HqError('UNAVAILABLE', `The HQ data directory ${dataDir} is in use by process ${holder.pid} (an HQ server?). PGlite allows one process at a time: stop it first, or use DATABASE_URL with PostgreSQL.`);
    }
    setAside(file, text);
  }
  throw new HqError('UNAVAILABLE', `Could not lock the HQ data directory ${dataDir}: another process keeps taking it.`);
}
