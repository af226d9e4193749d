/**
 * The crash harness at a bounded size for CI: 20 random SIGKILLs during intake, printing and sync (crashHarness.ts).
 * `npm run soak` runs it with ECMS_SOAK_KILLS (a larger count) and prints the report.
 */
import { afterAll, expect, it } from 'vitest';
import path from 'node:path';
import { runCrashHarness } from './crashHarness.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const kills = Number(process.env['ECMS_SOAK_KILLS'] ?? 20);
const temp = makeTempDir('crash-harness');
afterAll(() => temp.cleanup());

it(`${kills} random SIGKILLs: every acknowledged command is at HQ exactly once, no seq missing or doubled`, async () => {
  const report = await runCrashHarness({ dataDir: path.join(temp.dir, 'station'), kills, log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`crash harness report ${JSON.stringify(report)}\n`);
  expect(report.acknowledged).toBeGreaterThan(kills * 3);
  expect(report.hqEvents).toBe(report.stationEvents);
  expect(report.hqDuplicates).toBe(0);
  expect(report.hqMissing).toBe(0);
  expect(report.commandsNotOnceAtHq).toBe(0);
  // Every label a finished print job sent reached the printer (a job sent again after a kill may print twice).
  expect(report.labelsReceived).toBeGreaterThanOrEqual(report.printJobsDone);
}, Math.max(300_000, kills * 15_000));
