/**
 * Issue 17, item 2: every statement the station runs per command or per screen refresh answers from an index. The
 * station is driven through its commands as the screen calls them (whole intakes of the demo parcels, accepts, a
 * hold and a return, with the refreshes the screen makes after each: current parcel, recent list, print queue, hold
 * shelf, sync badge); the statement cache then lists every statement those commands prepared, and each one's
 * EXPLAIN QUERY PLAN must not scan a history table (intakes, events, outbox, print_jobs, holds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { forgetPrepared, preparedSqlOf } from '../../../electron/db/statementCache.ts';
import { queryPlanProblems } from '../../bench/support/queryPlanProblems.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';
import { makeTempDir } from '../../support/tempDir.ts';

interface Scenario {
  scan: string;
  weigh: { value: string; unit: string };
  dims: { length: string; width: string; height: string; unit: string } | null;
  damaged: boolean;
}
const scenarios = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/demo/scenarios.json'), 'utf8')) as { scenarios: Scenario[] }).scenarios;

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let hotSql: string[] = [];

async function call(name: string, request: object): Promise<unknown> {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function refreshScreen(): Promise<void> {
  await call('intake.current', {});
  await call('intake.recent', { limit: 20 });
  await call('print.queue', {});
  await call('holds.list', {});
  await call('sync.status', {});
}

beforeAll(async () => {
  temp = makeTempDir('plans');
  station = await openConfiguredStation({ signedInAs: TEST_LEAD, argv: ['--data-dir', temp.dir, '--demo'], env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test' });
  forgetPrepared(station.db); // start-up sweeps and the demo seed are not per command
  for (const s of scenarios.slice(0, 8)) {
    const intakeId = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: s.scan, source: 'wedge' });
    await refreshScreen();
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { ...s.weigh, reason: 'plan test' } });
    if (s.dims) await call('intake.setDimensions', { commandId: randomUUID(), intakeId, ...s.dims });
    if (s.damaged) await call('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
    await refreshScreen();
    await call('intake.get', { intakeId });
    await call('intake.finish', { commandId: randomUUID(), intakeId });
    await refreshScreen();
  }
  hotSql = preparedSqlOf(station.db);
}, 60_000);

afterAll(async () => {
  await station?.close();
  temp?.cleanup();
});

describe('query plans of the statements the station runs per command and per refresh', () => {
  it('collects the hot statements (the open intake, the recent list, the print queue, the outbox counts)', () => {
    expect(hotSql.length).toBeGreaterThan(20);
    expect(hotSql.some((s) => /FROM intakes WHERE state NOT IN/.test(s))).toBe(true);
    expect(hotSql.some((s) => /FROM intakes ORDER BY updated_at DESC/.test(s))).toBe(true);
    expect(hotSql.some((s) => /FROM print_jobs WHERE \(state = 'done'/.test(s))).toBe(true);
    expect(hotSql.some((s) => /outbox_counts/.test(s))).toBe(true);
  });

  it('none scans intakes, events, outbox, print_jobs or holds', () => {
    const problems = hotSql.flatMap((sql) => queryPlanProblems(station.db, sql));
    expect(problems).toEqual([]);
  });

  it('the check fires on a whole-table scan, an unbounded index walk, and an aliased table', () => {
    expect(queryPlanProblems(station.db, 'SELECT * FROM intakes WHERE scan_raw = ?')).toHaveLength(1);
    expect(queryPlanProblems(station.db, 'SELECT intake_id FROM intakes ORDER BY updated_at DESC')).toHaveLength(1);
    expect(queryPlanProblems(station.db, "SELECT count(*) FROM outbox o WHERE o.last_error = 'x'")).toHaveLength(1);
    expect(queryPlanProblems(station.db, 'SELECT * FROM intakes WHERE intake_id = @id')).toEqual([]);
  });
});
