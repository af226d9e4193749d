/**
 * Brings a database to the newest schema: checks the steps increase strictly, refuses a database written by a newer
 * build, runs every pending step in ONE transaction and records the version in PRAGMA user_version.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';
import { StationError } from '../station/stationError.ts';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function tooNewError(found: number, known: number): StationError {
  return new StationError(
    'DATABASE_TOO_NEW',
    `This station database was written by a newer version of ECMS Intake (schema ${found}; this build knows up to ${known}). ` +
      'Install the newer version, or point --data-dir at another folder. The database was not changed.',
  );
}

export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  for (let i = 1; i < migrations.length; i++) {
    const prev = migrations[i - 1];
    const cur = migrations[i];
    if (prev && cur && cur.version <= prev.version) {
      throw new Error(`Migrations out of order: ${cur.version} after ${prev.version}`);
    }
  }
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(migrations);
  if (from > to) throw tooNewError(from, to);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const step of pending) step.up(db);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}
