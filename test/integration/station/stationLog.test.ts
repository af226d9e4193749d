/**
 * The station's log: rotated JSON-lines files under <data dir>/logs, every line with the station, warehouse and
 * operator; an unexpected command failure is found by the id the worker is shown; after the demo scenarios no
 * consignee name is in any log file (they are logged, masked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand, dispatchLogTo } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { CommandHandlers } from '../../../electron/station/commandHandlers.ts';
import { openLogger, type OpenLogger } from '../../../electron/log/openLogger.ts';
import { logSettingsFromEnv, stationLogDir } from '../../../electron/log/logSettings.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

interface Scenario {
  scan: string;
  warehouse: 'LAX' | 'CHI';
  weigh: { value: string; unit: string };
  dims: { length: string; width: string; height: string; unit: string } | null;
}
const repo = path.resolve(import.meta.dirname, '../../..');
const scenarios = (JSON.parse(readFileSync(path.join(repo, 'resources/demo/scenarios.json'), 'utf8')) as { scenarios: Scenario[] }).scenarios;
const consigneeNames = (JSON.parse(readFileSync(path.join(repo, 'resources/demo/manifests.json'), 'utf8')) as Array<{ consigneeName: string }>).map((m) => m.consigneeName);

type Line = Record<string, unknown> & { msg: string; level: number };
const logFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.log'));
const readLines = (dir: string): Line[] =>
  logFiles(dir).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line));

let temp: ReturnType<typeof makeTempDir>;
let log: OpenLogger;
let station: Station;
const logDir = () => stationLogDir(temp.dir);

beforeAll(async () => {
  temp = makeTempDir('station-log');
  // Files of an earlier run: one past the retention period, one within it.
  mkdirSync(logDir(), { recursive: true });
  for (const [name, ageDays] of [['station.2026-01-01.1.log', 30], ['station.2026-01-20.1.log', 2]] as const) {
    writeFileSync(path.join(logDir(), name), '{"level":30,"msg":"old"}\n');
    const t = (Date.now() - ageDays * 86_400_000) / 1000;
    utimesSync(path.join(logDir(), name), t, t);
  }
  log = await openLogger(logSettingsFromEnv({ ECMS_LOG_RETENTION_DAYS: '14', ECMS_LOG_MAX_FILE_MB: '1', ECMS_LOG_PRETTY: '0' }, logDir(), 'station', false), { process: 'station' });
  station = await openConfiguredStation({ signedInAs: TEST_LEAD,
    argv: ['--data-dir', temp.dir, '--demo', '--warehouse', 'LAX', '--station-id', 'LAX-LOG-1', '--operator', 'Pat Worker'],
    env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test', logger: log.logger,
  });
});
afterAll(async () => {
  await station.close();
  await log.close();
  temp.cleanup();
});

async function run(handlers: CommandHandlers, name: string, request: object) {
  return dispatchCommand(handlers, name, request, dispatchLogTo(station.logger()));
}

describe('station log', () => {
  it('deletes files older than the retention period at start and keeps newer ones', () => {
    expect(logFiles(logDir())).not.toContain('station.2026-01-01.1.log');
    expect(logFiles(logDir())).toContain('station.2026-01-20.1.log');
  });

  it('finds an unexpected failure by the id shown in the error, with the station, operator and intake on the line', async () => {
    const intakeId = randomUUID();
    const failing: CommandHandlers = { ...station.handlers, 'intake.get': () => { throw new Error('injected failure'); } };
    const result = await run(failing, 'intake.get', { intakeId });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.logId).toMatch(/^[0-9a-f]{8}$/);
    expect(result.error.message).toContain(result.error.logId);
    await log.flush();
    const found = readLines(logDir()).filter((l) => l['logId'] === result.error.logId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 50, stationId: 'LAX-LOG-1', warehouse: 'LAX', operator: TEST_LEAD.operatorId, intakeId, command: 'intake.get' });
    expect((found[0]!['err'] as { message: string }).message).toBe('injected failure');
  });

  it('after the demo intakes, no consignee name appears in any log file, though the intakes are logged', async () => {
    for (const s of scenarios.filter((x) => x.warehouse === 'LAX')) {
      const intakeId = randomUUID();
      const steps: Array<[string, object]> = [
        ['intake.scan', { commandId: randomUUID(), intakeId, raw: s.scan, source: 'wedge' }],
        ['intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { ...s.weigh, reason: 'log test' } }],
        ['intake.setDimensions', { commandId: randomUUID(), intakeId, ...(s.dims ?? { length: '10', width: '8', height: '6', unit: 'in' }) }],
        ['intake.commitVerdict', { commandId: randomUUID(), intakeId }],
        ['intake.cancel', { commandId: randomUUID(), intakeId, reason: 'log test' }],
      ];
      for (const [name, request] of steps) await run(station.handlers, name, request);
    }
    await log.flush();
    const lines = readLines(logDir());
    const intakeLines = lines.filter((l) => l.msg === 'intake changed' && typeof l['consigneeName'] === 'string');
    expect(intakeLines.length).toBeGreaterThan(5);
    for (const l of intakeLines) expect(l['consigneeName']).toMatch(/^(\S\*\*\*)( \S\*\*\*)*$/);
    const text = logFiles(logDir()).map((f) => readFileSync(path.join(logDir(), f), 'utf8')).join('');
    for (const name of consigneeNames) expect(text, name).not.toContain(name);
  });

  it('rolls the file over at its size limit, every file JSON lines', async () => {
    const before = log.file();
    const filler = 'x'.repeat(200);
    // About 2.5 MB in batches, the event loop turning between them as it does in a running station.
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 1000; i++) log.logger.info({ filler, i }, 'filler');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await log.flush();
    expect(log.file()).not.toBe(before);
    const today = new Date().toISOString().slice(0, 10);
    const current = logFiles(logDir()).filter((f) => f.startsWith(`station.${today}.`));
    expect(current.length).toBeGreaterThanOrEqual(2);
    expect(readLines(logDir()).filter((l) => l.msg === 'filler')).toHaveLength(10_000);
  });
});
