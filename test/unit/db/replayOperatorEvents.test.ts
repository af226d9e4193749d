/**
 * A restored station replays HQ's history (electron/db/replayHqHistory.ts): an event about no parcel (an operator
 * event, intake id null) is kept in the log once, acknowledged, and changes no intake; a second replay stores nothing.
 */
import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { replayHqHistory } from '../../../electron/db/replayHqHistory.ts';
import { ReseedEventSchema, type ReseedEvent } from '../../../shared/sync/stationReseed.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const temps: Array<ReturnType<typeof makeTempDir>> = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

it('keeps operator events from HQ in the log once, acknowledged, with no intake', () => {
  const temp = makeTempDir('replay-operators');
  temps.push(temp);
  const db = openStationDatabase(temp.dir);
  const events: ReseedEvent[] = [
    { seq: 1, eventId: randomUUID(), commandId: randomUUID(), intakeId: null, type: 'OPERATOR_ADDED', payload: { operatorId: '9001', name: 'Lee Park', role: 'lead', active: true, by: null }, capturedAt: 1 },
    { seq: 2, eventId: randomUUID(), commandId: randomUUID(), intakeId: null, type: 'OPERATOR_SIGNED_IN', payload: { operatorId: '9001', name: 'Lee Park', role: 'lead' }, capturedAt: 2 },
  ].map((e) => ReseedEventSchema.parse(e));
  expect(replayHqHistory(db, events, { stationId: 'LAX-01', at: 10 })).toEqual({ stored: 2, intakes: 0, skipped: 0 });
  expect(db.prepare('SELECT e.seq, e.intake_id, e.type, o.state FROM events e JOIN outbox o USING (seq) ORDER BY seq').all()).toEqual([
    { seq: 1, intake_id: null, type: 'OPERATOR_ADDED', state: 'acked' },
    { seq: 2, intake_id: null, type: 'OPERATOR_SIGNED_IN', state: 'acked' },
  ]);
  expect(replayHqHistory(db, events, { stationId: 'LAX-01', at: 11 })).toEqual({ stored: 0, intakes: 0, skipped: 0 });
  expect(db.prepare('SELECT count(*) FROM intakes').pluck().get()).toBe(0);
  db.close();
});
