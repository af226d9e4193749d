/**
 * Commands need a signed-in person (issue 12): benchmarks that open a station without `signedInAs` add one lead to
 * the station's roster and sign in through the contract, as the sign-in screen does.
 */
import type { Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { addOperator } from '../../../electron/station/operatorRoster.ts';

export const BENCH_LEAD = { operatorId: 'BENCH1', name: 'Bench Lead', role: 'lead', pin: '482913' } as const;

export async function signInLead(station: Station): Promise<void> {
  await addOperator(station.db, BENCH_LEAD, Date.now());
  const r = await dispatchCommand(station.handlers, 'session.signIn', { operatorId: BENCH_LEAD.operatorId, pin: BENCH_LEAD.pin }, { error: () => {} });
  if (!r.ok) throw new Error(`sign-in: ${r.error.code} ${r.error.message}`);
}
