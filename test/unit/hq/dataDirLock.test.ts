/**
 * The PGlite data-directory lock: a live holder is respected; a lock left by a dead process, by a pid now reused by
 * another process, empty, or in the old bare-pid form of a dead process is taken over; release removes only our own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE, holderLives, lockDataDir, parseLock, systemProcessTable, type ProcessTable } from '../../../hq/db/dataDirLock.ts';
import { makeTempDir } from '../../support/tempDir.ts';

function withDir(run: (dir: string) => Promise<void> | void): Promise<void> {
  const temp = makeTempDir('hqlock');
  return Promise.resolve(run(temp.dir)).finally(temp.cleanup);
}

/** A real process that stays up until killed. */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid!, kill: async () => { child.kill('SIGKILL'); await exited; } };
}

const lockOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; start: string | null };

describe('the HQ data-directory lock', () => {
  it('refuses while the holder lives, takes over once it is gone, and leaves no stale file behind', () => withDir(async (dir) => {
    const holder = sleeper();
    try {
      lockDataDir(dir, systemProcessTable, holder.pid);
      expect(lockOf(dir).pid).toBe(holder.pid);
      expect(lockOf(dir).start).toMatch(/^[0-9a-f-]+:\d+$/);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${holder.pid}`));
    } finally {
      await holder.kill();
    }
    const release = lockDataDir(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    release();
    expect(readdirSync(dir)).toEqual([]);
  }));

  it('takes over a lock whose pid now belongs to a process that started later (pid reuse)', () => withDir((dir) => {
    const other = process.ppid;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: other, start: 'another-boot:1' }));
    lockDataDir(dir)();
    // The same pid with its real start time is respected.
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: other, start: systemProcessTable.startOf(other) }));
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
  }));

  it('reads the older bare-pid lock and an empty one', () => withDir(async (dir) => {
    const gone = sleeper();
    await gone.kill();
    writeFileSync(path.join(dir, LOCK_FILE), String(gone.pid));
    lockDataDir(dir)();
    writeFileSync(path.join(dir, LOCK_FILE), '');
    lockDataDir(dir)();
    writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use/);
  }));

  it('release leaves a lock that another process has since taken', () => withDir((dir) => {
    const release = lockDataDir(dir);
    const theirs = JSON.stringify({ pid: process.ppid, start: null });
    writeFileSync(path.join(dir, LOCK_FILE), theirs);
    release();
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(theirs);
  }));

  it('over any holder, respects exactly the live ones (alive, and same start where both are known)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.option(fc.constantFrom('b:1', 'b:2'), { nil: null }), fc.option(fc.constantFrom('b:1', 'b:2'), { nil: null }), fc.boolean(), (alive, recorded, actual, bare) => {
        const table: ProcessTable = { alive: () => alive, startOf: () => actual };
        const text = bare ? '4242' : JSON.stringify({ pid: 4242, start: recorded });
        const holder = parseLock(text);
        expect(holder).not.toBeNull();
        const expected = alive && (bare || recorded === null || actual === null || recorded === actual);
        expect(holderLives(holder!, table)).toBe(expected);
        const temp = makeTempDir('hqlock');
        try {
          writeFileSync(path.join(temp.dir, LOCK_FILE), text);
          if (expected) expect(() => lockDataDir(temp.dir, table, 1)).toThrow(/in use by process 4242/);
          else {
            lockDataDir(temp.dir, table, 1)();
            expect(readdirSync(temp.dir)).toEqual([]);
          }
        } finally {
          temp.cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });
});
