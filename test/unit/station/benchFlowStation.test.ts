/**
 * The bench flow's rules in the station core, through the command dispatcher as a screen calls it: the next scan
 * finishes a decided parcel and opens the new one in one transaction; a scan while a parcel is still missing its
 * weight or size is refused in words that say what to do; whether the size is needed is the warehouse's setting;
 * every refusal of an input names the field and the limit in plain words (no command names, no schema wording).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import type { Result } from '../../../shared/contract/result.ts';
import { COMMAND_NAMES } from '../../../shared/contract/commandNames.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let scale: ReturnType<typeof fakeScale>;
let decide: ReturnType<typeof recordingDecider>;
let clock = 1_700_000_000_000;
const call = (name: string, request: unknown) => dispatchCommand(station.handlers, name, request, { error: () => {} });
const count = (table: string) => (station.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const scan = (raw: string, intakeId: string = randomUUID()) => call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' });
const weigh = (intakeId: string) => call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2.5', unit: 'lb', reason: 'bench test' } });
const size = (intakeId: string, length: string, width = '10', height = '8') =>
  call('intake.setDimensions', { commandId: randomUUID(), intakeId, length, width, height, unit: 'in' });
const decideNow = (intakeId: string) => call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);

beforeEach(() => {
  temp = makeTempDir('bench');
  scale = fakeScale();
  decide = recordingDecider(ACCEPT);
  station = createStation({ signedInAs: TEST_LEAD, dataDir: temp.dir, transport: 'browser', demo: false, version: 'test', scale, classify: fakeClassify, decide, now: () => ++clock });
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

async function decided(raw: string): Promise<string> {
  const intakeId = randomUUID();
  await scan(raw, intakeId);
  await weigh(intakeId);
  await size(intakeId, '12');
  expect(await decideNow(intakeId)).toMatchObject({ ok: true, data: { state: 'decided' } });
  return intakeId;
}

describe('the next scan', () => {
  it('finishes a decided parcel and opens the new one in one transaction: both or neither', async () => {
    const first = await decided('GOOD-1');
    const events = count('events');
    // The new parcel cannot be stored (its id is taken): the previous one must not be finished either.
    const clash = await scan('GOOD-2', first);
    expect(clash.ok).toBe(false);
    expect(await call('intake.get', { intakeId: first })).toMatchObject({ ok: true, data: { state: 'decided' } });
    expect(count('events')).toBe(events);
    const next = await scan('GOOD-2');
    expect(next).toMatchObject({ ok: true, data: { state: 'scanned' } });
    expect(await call('intake.get', { intakeId: first })).toMatchObject({ ok: true, data: { state: 'ready' } });
    const types = (station.db.prepare('SELECT type FROM events WHERE seq > ? ORDER BY seq').all(events) as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual(['INTAKE_FINISHED', 'INTAKE_SCANNED']);
  });

  it('is refused while the open parcel lacks its weight or its size, saying what to do, and records nothing', async () => {
    const first = randomUUID();
    await scan('GOOD-1', first);
    const noWeight = errorOf(await scan('GOOD-2'));
    expect(noWeight).toMatchObject({ code: 'INVALID_STATE' });
    expect(noWeight?.message).toMatch(/^Parcel GOOD-1 is not finished: it has no weight yet\. Put it on the scale .* then scan the next parcel/);
    await weigh(first);
    const noSize = errorOf(await scan('GOOD-2'));
    expect(noSize?.message).toMatch(/needs its size\. Type its length, width and height/);
    expect(noSize?.message).not.toMatch(/weighed|scanned/);
    expect(count('intakes')).toBe(1);
  });
});

describe('the size policy (settings.sizeRequired)', () => {
  it('with a size required, deciding without one is refused on the length field; without, the weight alone decides', async () => {
    const id = randomUUID();
    await scan('GOOD-1', id);
    await weigh(id);
    expect(errorOf(await decideNow(id))).toMatchObject({ code: 'INVALID_STATE', field: 'length' });
    expect(await call('settings.update', { sizeRequired: false })).toMatchObject({ ok: true, data: { sizeRequired: false } });
    expect(await decideNow(id)).toMatchObject({ ok: true, data: { state: 'decided', dims: null } });
    expect(decide.calls.at(-1)?.dims).toBeNull();
    // …and the next scan may follow at once.
    expect(await scan('GOOD-2')).toMatchObject({ ok: true, data: { state: 'scanned' } });
  });
});

describe('refusals name the field and the limit in plain words', () => {
  it('a side longer than any parcel names the most the station records and the size limit', async () => {
    const id = randomUUID();
    await scan('GOOD-1', id);
    const tooLong = errorOf(await size(id, '999'));
    expect(tooLong).toMatchObject({ code: 'RULE_REJECTED', field: 'length' });
    expect(tooLong?.message).toBe('Length 999 in is longer than any parcel: at most 393.7 in. Measure it again; a side over 59 in sends the parcel back as oversize.');
    expect(errorOf(await size(id, '12', '0'))).toEqual({ code: 'RULE_REJECTED', field: 'width', message: 'Width: type a size above 0 in, such as 12.' });
    // A side over the size limit but recordable is taken: the rules decide (RETURN as oversize).
    expect(await size(id, '62')).toMatchObject({ ok: true });
  });

  it('schema refusals carry the field and words for people, never the command name or the schema wording', async () => {
    const id = randomUUID();
    await scan('GOOD-1', id);
    expect(errorOf(await size(id, '12', 'ten'))).toEqual({ code: 'INVALID_REQUEST', field: 'width', message: 'The width must be a number such as 10 or 9.75.' });
    const noReason = errorOf(await call('intake.captureWeight', { commandId: randomUUID(), intakeId: id, manual: { value: '2', unit: 'lb', reason: '' } }));
    expect(noReason).toMatchObject({ code: 'INVALID_REQUEST', field: 'manual.reason' });
    expect(noReason?.message).toMatch(/^Why the weight is typed: write (something here|at least 3 characters)\.$/);
    expect(errorOf(await call('intake.cancel', { commandId: randomUUID(), intakeId: id, reason: 'x'.repeat(500) }))).toMatchObject({ field: 'reason', message: expect.stringMatching(/^Why: keep it to 200 characters or fewer\.$/) });
    expect(errorOf(await call('no.such', {}))?.message).not.toMatch(/no\.such/);
  });

  it('no request the schema refuses ever shows a command name, a path or zod wording (any command, any junk)', async () => {
    const junk = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.dictionary(fc.constantFrom('intakeId', 'commandId', 'length', 'width', 'height', 'manual', 'reason', 'raw', 'limit', 'action'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), junk, async (name, request) => {
      const result = await call(name, request);
      if (result.ok) return;
      const { message } = result.error;
      for (const command of COMMAND_NAMES) expect(message).not.toContain(command);
      expect(message).not.toMatch(/Too (small|big)|Invalid (input|option|string)|expected|received|>=|<=|\bundefined\b|\brequest\b:/);
    }), { numRuns: 200 });
  });
});
