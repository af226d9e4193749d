/**
 * The weight interlock through the real station as the demo runs it: the simulated scale (frames encoded and parsed
 * by a real protocol every 100 ms, motion before each weight settles), the real classifier, rules and sample data.
 * Parcel 1 is left on the platform while parcel 2 is scanned; parcel 2 still gets its own weight, and a weight that
 * changes after the decision is taken and decided again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { IntakeView } from '../../../shared/contract/intakeView.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

let station: Station;
let temp: ReturnType<typeof makeTempDir>;
const lb = (text: string) => massFromDecimal(text, 'lb')!;

async function call<T = unknown>(name: string, request: unknown): Promise<T> {
  const result = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}
const view = (intakeId: string) => call<IntakeView>('intake.get', { intakeId });
const put = (value: string) => call('scale.simulate', { action: 'place', value, unit: 'lb' });
const takeOff = () => call('scale.simulate', { action: 'remove' });
const scan = async (raw: string) => (await call<IntakeView>('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw, source: 'wedge' })).intakeId;
const waitForWeight = (intakeId: string, value: string) =>
  vi.waitFor(async () => expect((await view(intakeId)).weight).toMatchObject({ mass: lb(value), source: 'scale' }), { timeout: 5000, interval: 50 });
const verdictMasses = (intakeId: string) =>
  (station.db.prepare("SELECT payload FROM events WHERE intake_id = ? AND type = 'VERDICT_COMMITTED' ORDER BY seq").all(intakeId) as Array<{ payload: string }>)
    .map((r) => JSON.parse(r.payload) as { mass: number; cause?: string });

beforeAll(async () => {
  temp = makeTempDir('weight-interlock');
  station = await openConfiguredStation({ signedInAs: TEST_LEAD,
    argv: ['--data-dir', temp.dir, '--demo', '--warehouse', 'LAX', '--station-id', 'LAX-TEST-1'],
    env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 'test',
  });
  await call('settings.update', { autoCaptureSettleMs: 300 });
});
afterAll(async () => {
  await station.close();
  temp.cleanup();
});

describe('weight interlock with the simulated scale', () => {
  it('parcel 1 left on the scale gives parcel 2 nothing; parcel 2 put on is captured with its own weight; a changed weight is decided again', async () => {
    const first = await scan('1Z4E81W20370000156');
    await put('6.5');
    await waitForWeight(first, '6.5');
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId: first, length: '12', width: '10', height: '8', unit: 'in' });
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId: first });

    const second = await scan('9400111899223000288157');
    // Parcel 1 stays on the platform, steady, well past the settle time: it is not parcel 2's weight.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await view(second)).weight).toBeNull();
    expect((await view(first)).weight).toMatchObject({ mass: lb('6.5') });

    await takeOff();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await put('46.2');
    await waitForWeight(second, '46.2');
    const weighed = await view(second);
    expect(weighed.weight?.reading).toMatchObject({ seq: expect.any(Number), at: expect.any(Number), correction: false });
    expect(weighed.weight!.reading!.at).toBeGreaterThan(weighed.createdAt);

    await call('intake.setDimensions', { commandId: randomUUID(), intakeId: second, length: '10', width: '8', height: '4', unit: 'in' });
    const decided = await call<IntakeView>('intake.commitVerdict', { commandId: randomUUID(), intakeId: second });
    expect(decided.state).toBe('decided');
    expect(verdictMasses(second)).toEqual([expect.objectContaining({ mass: lb('46.2') })]);

    // The load changes after the decision: the station takes the new weight and decides again with it.
    await put('3.1');
    await waitForWeight(second, '3.1');
    await vi.waitFor(() => expect(verdictMasses(second).map((v) => [v.mass, v.cause])).toEqual([[lb('46.2'), undefined], [lb('3.1'), 'weight-corrected']]), { timeout: 3000, interval: 50 });
    const redecided = await view(second);
    expect(redecided).toMatchObject({ state: 'decided', weight: { mass: lb('3.1'), reading: { correction: true } } });
    // 46.2 lb is over the 44 lb limit; 3.1 lb is not.
    expect([decided.verdict?.decision, redecided.verdict?.decision]).toEqual(['RETURN', 'ACCEPT']);
  }, 20_000);
});
