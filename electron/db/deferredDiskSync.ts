/**
 * Runs one transaction whose commit does not wait for the disk (synchronous=NORMAL for that commit, then FULL
 * again), for work that can be redone: a slice of a pulled manifests page (the page is pulled again if it is lost,
 * since its cursor is written with the page's last slice). In WAL mode such a commit is still atomic, and it becomes
 * durable with the next FULL commit (the next intake command's), which syncs the log up to and including it. The
 * switch and the transaction run without yielding, so no intake command can commit in between.
 */
import type { Database } from 'better-sqlite3';

export function commitWithoutDiskWait<T>(db: Database, work: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
