/** A reused intakeId (issue 14, Low) is a typed INTAKE_ID_IN_USE in plain words, not STORAGE_FAILED with SQLite text. */
import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

let temp: ReturnType<typeof makeTempDir> | null = null;
let station: Station | null = null;
afterEach(async () => {
  await station?.close();
  temp?.cleanup();
});

it('a scan that reuses the id of a closed intake is refused with INTAKE_ID_IN_USE and changes nothing', async () => {
  temp = makeTempDir('intake-id');
  station = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: () => ({ decision: 'ACCEPT', reasons: [], reprice: null }),
  });
  const call = (name: string, request: object) => dispatchCommand(station!.handlers, name, request, { error: () => {} });
  const intakeId = randomUUID();
  expect((await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-ID-1', source: 'wedge' })).ok).toBe(true);
  expect((await call('intake.cancel', { commandId: randomUUID(), intakeId, reason: 'wrong parcel' })).ok).toBe(true);
  const events = () => (station!.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const before = events();
  const reused = await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-ID-2', source: 'wedge' });
  expect(reused).toMatchObject({ ok: false, error: { code: 'INTAKE_ID_IN_USE' } });
  if (!reused.ok) expect(reused.error.message).not.toMatch(/constraint|SQLITE|intakes\./i);
  expect(events()).toBe(before);
});
