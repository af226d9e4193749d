/**
 * Migration 110 (print jobs may hold EPL2): a station database from before it keeps every print job, and every
 * index and trigger of print_jobs, and the format check now takes 'epl' and still refuses anything else.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { makeTempDir } from '../../support/tempDir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('epl-migration');
});
afterEach(() => temp.cleanup());

const BEFORE = MIGRATIONS.filter((m) => m.version < 110);

function insertJob(db: Database.Database, jobId: string, format: string, state = 'queued'): void {
  db.prepare(
    `INSERT INTO print_jobs (job_id, request_id, intake_id, document, reason, copy_no, subject, model_json, format, state, created_at, updated_at)
     VALUES (?, ?, 'intake-1', 'relabel', 'auto', 1, 'APELAX1040039963', '{}', ?, ?, 1, 1)`,
  ).run(jobId, `request-${jobId}`, format, state);
}

const dependents = (db: Database.Database): string[] =>
  db.prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE tbl_name = 'print_jobs' AND type IN ('index', 'trigger') ORDER BY name").pluck().all() as string[];

describe('migration 110: EPL2 print jobs', () => {
  it('keeps the jobs, indexes and triggers of an older database, and lets a job hold EPL2', () => {
    const db = new Database(`${temp.dir}/station.sqlite`);
    try {
      // Jobs without their intake rows: only print_jobs is under test.
      db.pragma('foreign_keys = OFF');
      migrate(db, BEFORE);
      insertJob(db, 'old-zpl', 'zpl');
      insertJob(db, 'old-pdf', 'pdf', 'done');
      expect(() => insertJob(db, 'too-early', 'epl')).toThrow(/CHECK constraint failed/);
      const before = dependents(db);
      const rows = db.prepare('SELECT * FROM print_jobs ORDER BY job_id').all();

      migrate(db, MIGRATIONS);
      expect(db.prepare('SELECT * FROM print_jobs ORDER BY job_id').all()).toEqual(rows);
      expect(dependents(db)).toEqual(before);
      insertJob(db, 'new-epl', 'epl');
      expect(db.prepare("SELECT format FROM print_jobs WHERE job_id = 'new-epl'").pluck().get()).toBe('epl');
      expect(() => insertJob(db, 'bad', 'ps')).toThrow(/CHECK constraint failed/);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The triggers made again on the new table fire (migration 100 keeps counts of jobs by state with them).
      expect(db.prepare("SELECT n FROM print_job_counts WHERE state = 'queued'").pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });
});
