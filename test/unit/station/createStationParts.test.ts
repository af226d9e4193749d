/**
 * createStation builds its parts in dependency order: with any optional part absent (no HQ, no simulator, no logger
 * injected, no clock, no settings overrides) it starts, serves intake.current and a scan, and closes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createStation, type StationOptions } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { recordingLogger } from '../../support/recordingLogger.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

interface Parts {
  readonly hq: boolean;
  readonly simulator: boolean;
  readonly logger: boolean;
  readonly clock: boolean;
  readonly overrides: boolean;
}

function optionsWith(parts: Parts, dataDir: string): StationOptions {
  const scale = fakeScale();
  return {
    dataDir, transport: 'browser', demo: false, version: 't', classify: fakeClassify, signedInAs: TEST_LEAD,
    decide: recordingDecider({ decision: 'ACCEPT', reasons: [], reprice: null }),
    scale: parts.simulator ? { ...scale, simulator: { place: () => undefined, remove: () => undefined } } : scale,
    ...(parts.hq ? { hq: { hqUrl: 'http://127.0.0.1:9', token: 'no-such-token' } } : {}),
    ...(parts.logger ? { logger: recordingLogger().logger } : {}),
    ...(parts.clock ? { now: () => Date.UTC(2026, 11, 4, 12) } : {}),
    ...(parts.overrides ? { settingsOverrides: { stationId: 'LAX-PARTS-1', operator: 'parts test' } } : {}),
  };
}

const noLog = { error: (message: string, error: unknown) => { throw new Error(`${message}: ${String(error)}`); } };

describe('createStation with optional parts absent', () => {
  it('starts, serves intake.current and a scan, and closes, for every combination of optional parts', async () => {
    await fc.assert(fc.asyncProperty(fc.record({ hq: fc.boolean(), simulator: fc.boolean(), logger: fc.boolean(), clock: fc.boolean(), overrides: fc.boolean() }), async (parts) => {
      const temp = makeTempDir('parts');
      try {
        const station = createStation(optionsWith(parts, `${temp.dir}/data`));
        try {
          expect(await dispatchCommand(station.handlers, 'intake.current', {}, noLog)).toEqual({ ok: true, data: null });
          const scanned = await dispatchCommand(station.handlers, 'intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: 'GOOD123', source: 'wedge' }, noLog);
          expect(scanned.ok).toBe(true);
          const simulated = await dispatchCommand(station.handlers, 'scale.simulate', { action: 'remove' }, noLog);
          expect(simulated.ok ? 'ok' : simulated.error.code).toBe(parts.simulator ? 'ok' : 'SCALE_NOT_SIMULATED');
        } finally {
          await station.close();
        }
      } finally {
        temp.cleanup();
      }
    }), { numRuns: 32 });
  });
});
