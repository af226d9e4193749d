import type { Migration } from './migration.ts';

/**
 * Printing: EPL2 payloads (Zebra LP/TLP 2844 printers, issue 16.4). print_jobs.format may now be 'epl'.
 *
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt by SQLite's documented procedure
 * (ALTER TABLE, "making other kinds of table schema changes"): the same table under a new name with the wider
 * CHECK, every row copied, the old table dropped, the new one renamed, then every index and trigger the table had
 * created again from its own stored SQL (so steps added by other migrations are kept, whatever they are). No table
 * refers to print_jobs by foreign key, and triggers are dropped with the table before its rows are, so no counter
 * a trigger keeps is touched.
 */
const OLD_CHECK = "CHECK (format IN ('zpl','pdf','html'))";
const NEW_CHECK = "CHECK (format IN ('zpl','epl','pdf','html'))";

const migration: Migration = {
  version: 110,
  name: 'print-job-epl-format',
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'print_jobs'").pluck().get();
    if (typeof table !== 'string' || !table.includes(OLD_CHECK)) throw new Error('print_jobs is not as migration 50 made it: cannot widen its format check');
    const dependents = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'print_jobs' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid")
      .pluck()
      .all() as string[];
    const rebuilt = table.replace(OLD_CHECK, NEW_CHECK).replace(/^CREATE TABLE\s+"?print_jobs"?/, 'CREATE TABLE print_jobs_rebuilt');
    db.exec(rebuilt);
    db.exec('INSERT INTO print_jobs_rebuilt SELECT * FROM print_jobs');
    db.exec('DROP TABLE print_jobs');
    db.exec('ALTER TABLE print_jobs_rebuilt RENAME TO print_jobs');
    for (const sql of dependents) db.exec(sql);
  },
};
export default migration;
