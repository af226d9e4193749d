/**
 * What is wrong with a statement's query plan on a station with a year of history (issue 17, item 2): it reads a
 * whole history table. A history table is one that grows with every parcel (intakes, events, outbox, print_jobs,
 * holds). A plan step is a problem when it
 *   - scans the table without an index ("SCAN intakes"), or
 *   - walks a whole index of it ("SCAN intakes USING INDEX …") where the statement has no LIMIT and the index is not
 *     partial (a partial index holds only the few open rows; a LIMIT stops the walk after a page).
 * A sort in a temporary B-tree after a SEARCH is bounded by the rows the key found (one parcel's), so it is allowed.
 * Used by test/unit/db/hotQueryPlans.test.ts and the history benchmark.
 */
import type { Database } from 'better-sqlite3';

export const HISTORY_TABLES = ['intakes', 'events', 'outbox', 'print_jobs', 'holds'] as const;

const SQL_WORDS = new Set(['where', 'join', 'on', 'order', 'group', 'limit', 'left', 'inner', 'cross', 'using', 'set', 'values', 'union', 'as', 'natural']);

/** The history tables a statement names, with each alias it gives them (alias → table). */
function historyNames(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  const re = new RegExp(`\\b(${HISTORY_TABLES.join('|')})\\b(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?`, 'gi');
  for (const m of sql.matchAll(re)) {
    const table = (m[1] ?? '').toLowerCase();
    names.set(table, table);
    const alias = m[2];
    if (alias !== undefined && !SQL_WORDS.has(alias.toLowerCase())) names.set(alias, table);
  }
  return names;
}

/** Binds every parameter of a statement to NULL (the plan does not depend on the values without sqlite_stat4). */
function nullParameters(sql: string): { positional: null[]; named: Record<string, null> } {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  const named: Record<string, null> = {};
  for (const m of code.matchAll(/[@:$]([A-Za-z_]\w*)/g)) named[m[1] ?? ''] = null;
  const positional = [...code.matchAll(/\?/g)].map(() => null);
  return { positional, named };
}

function isPartialIndex(db: Database, index: string): boolean {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { sql: string | null } | undefined;
  return row?.sql != null && /\bWHERE\b/i.test(row.sql);
}

export interface PlanProblem {
  readonly sql: string;
  readonly step: string;
}

export function queryPlanProblems(db: Database, sql: string): PlanProblem[] {
  const names = historyNames(sql);
  if (names.size === 0) return [];
  const { positional, named } = nullParameters(sql);
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const args: unknown[] = Object.keys(named).length > 0 ? [...positional, named] : positional;
  const steps = (explain.all(...args) as Array<{ detail: string }>).map((r) => r.detail);
  const limited = /\bLIMIT\b/i.test(sql);
  const problems: PlanProblem[] = [];
  for (const step of steps) {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(step);
    if (scan && names.has(scan[1] ?? '')) {
      const index = scan[2];
      if (index === undefined || !(limited || isPartialIndex(db, index))) problems.push({ sql, step });
    }
  }
  return problems;
}
