import type { Database } from 'better-sqlite3';

/** One schema step. `version` is the file's number; steps go up in tens so a hotfix can slot in between. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
