/**
 * HQ schema migrations: one SQL file per step in hq/db/migrations/, named NNNN-description.sql, applied in number
 * order. The runner checks the numbers increase strictly, refuses a database migrated by a newer build, applies every
 * pending step in one transaction (serialised across processes by an advisory lock) and records each step in
 * schema_migrations. Never edit a shipped file: add a new one.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HqDb } from './hqDb.ts';
import { HqError } from '../hqError.ts';
import { toInt } from './sqlValues.ts';

export interface HqMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;
/** Arbitrary constant shared by every HQ process for the migration lock. */
const MIGRATION_LOCK_KEY = 7_070_001;

export async function loadHqMigrations(dir: string = MIGRATIONS_DIR): Promise<HqMigration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: HqMigration[] = [];
  for (const file of files) {
    const m = FILE_NAME.exec(file);
    if (!m?.[1] || !m[2]) throw new HqError('INTERNAL', `HQ migration file name not NNNN-name.sql: ${file}`);
    const version = Number(m[1]);
    const prev = out.at(-1);
    if (prev && version <= prev.version) throw new HqError('INTERNAL', `HQ migrations out of order: ${file}`);
    out.push({ version, name: m[2], sql: await readFile(path.join(dir, file), 'utf8') });
  }
  return out;
}

export async function migrateHq(db: HqDb, migrations?: readonly HqMigration[]): Promise<{ from: number; to: number }> {
  const steps = migrations ?? (await loadHqMigrations());
  const latest = steps.at(-1)?.version ?? 0;
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const res = await tx.query<{ v: unknown }>('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    const from = toInt(res.rows[0]?.v ?? 0, 'schema version');
    if (from > latest) {
      throw new HqError('INTERNAL', `The HQ database was migrated by a newer build (schema ${from}; this build knows up to ${latest}). Nothing was changed.`);
    }
    for (const step of steps) {
      if (step.version <= from) continue;
      // Multi-statement SQL without parameters: pg runs it as a simple query; PGlite's query() takes one statement,
      // so split on statement boundaries (the migration files keep one statement per ';' line end).
      for (const statement of splitStatements(step.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
    }
    return { from, to: Math.max(from, latest) };
  });
}

/** Splits a migration file into statements at semicolons that end a line, after dropping -- comments. */
export function splitStatements(sql: string): string[] {
  const noComments = sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n');
  return noComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
