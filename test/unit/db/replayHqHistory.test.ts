/**
 * HQ's history replayed into a restored station (electron/db/replayHqHistory.ts, issue 14 item 4): for any sequence of
 * bench steps (scans, weights, sizes, damage, verdicts that accept or hold, finishes, cancels), the intakes and hold
 * shelf rebuilt from the events alone equal what the station wrote, every event is stored once, acknowledged, and a
 * second replay of the same history changes nothing. Events of a parcel the station does not have are skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { replayHqHistory, RESTORED_OPERATOR } from '../../../electron/db/replayHqHistory.ts';
import type { ReseedEvent } from '../../../shared/sync/stationReseed.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const T0 = Date.UTC(2026, 10, 1);
const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No ID.' }], reprice: null };
const TRACKINGS = ['GOOD0001', 'GOOD0002', 'GOOD0003', 'GOOD0004'];

type Step = { kind: 'scan'; tracking: number } | { kind: 'weigh' | 'size' | 'damage' | 'finish' | 'cancel' | 'release' | 'return' } | { kind: 'decide'; hold: boolean };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scan' as const), tracking: fc.nat({ max: TRACKINGS.length - 1 }) }),
  fc.record({ kind: fc.constantFrom('weigh' as const, 'size' as const, 'damage' as const, 'finish' as const, 'cancel' as const, 'release' as const, 'return' as const) }),
  fc.record({ kind: fc.constant('decide' as const), hold: fc.boolean() }),
);

const temps: Array<ReturnType<typeof makeTempDir>> = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

async function run(steps: readonly Step[]): Promise<{ station: Station; dir: string }> {
  const temp = makeTempDir('replay-src');
  temps.push(temp);
  let verdict = ACCEPT;
  let now = T0;
  const station = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: () => verdict, now: () => (now += 1000),
  });
  let open: string | null = null;
  const call = (name: string, req: object) => dispatchCommand(station.handlers, name, req, { error: () => {} });
  for (const s of steps) {
    const commandId = randomUUID();
    if (s.kind === 'scan') {
      const intakeId = randomUUID();
      const r = await call('intake.scan', { commandId, intakeId, raw: TRACKINGS[s.tracking]!, source: 'wedge' });
      if (r.ok && (r.data as { intakeId: string }).intakeId === intakeId) open = intakeId;
      continue;
    }
    if (s.kind === 'release' || s.kind === 'return') {
      const hold = station.db.prepare("SELECT hold_id FROM holds WHERE state = 'held' ORDER BY held_at LIMIT 1").get() as { hold_id: string } | undefined;
      if (hold) await call(s.kind === 'release' ? 'holds.release' : 'holds.convertToReturn', { commandId, holdIds: [hold.hold_id], note: 'checked by lead' });
      continue;
    }
    if (open === null) continue;
    const intakeId = open;
    if (s.kind === 'weigh') await call('intake.captureWeight', { commandId, intakeId, manual: { value: '2.5', unit: 'lb', reason: 'scale down' } });
    if (s.kind === 'size') await call('intake.setDimensions', { commandId, intakeId, length: '12', width: '10', height: '8', unit: 'in' });
    if (s.kind === 'damage') await call('intake.reportDamage', { commandId, intakeId, damaged: true, note: 'corner wet' });
    if (s.kind === 'decide') {
      verdict = s.hold ? HOLD : ACCEPT;
      await call('intake.commitVerdict', { commandId, intakeId });
    }
    if (s.kind === 'finish') await call('intake.finish', { commandId, intakeId });
    if (s.kind === 'cancel') await call('intake.cancel', { commandId, intakeId, reason: 'test parcel' });
  }
  return { station, dir: temp.dir };
}

function historyOf(db: Database): ReseedEvent[] {
  return (db.prepare('SELECT seq, event_id, command_id, intake_id, type, payload, captured_at FROM events ORDER BY seq').all() as Array<Record<string, unknown>>)
    .map((e) => ({
      seq: e['seq'] as number, eventId: e['event_id'] as string, commandId: e['command_id'] as string, intakeId: e['intake_id'] as string,
      type: e['type'] as string, payload: JSON.parse(e['payload'] as string) as Record<string, unknown>, capturedAt: e['captured_at'] as number,
    }));
}
// The operator is not in a scan's event (restored rows name RESTORED_OPERATOR), and a verdict a hold's release or
// return gives is stamped by the station a moment after its event: both are left out of the comparison.
const intakeRows = (db: Database) => db.prepare('SELECT * FROM intakes ORDER BY created_at, intake_id').all().map((r) => ({ ...(r as object), operator: 'x', updated_at: 0 }));
const holdRows = (db: Database) => db.prepare('SELECT hold_id, intake_id, waybill, location, state, reasons_json, held_at, close_cause FROM holds ORDER BY hold_id').all();

function emptyStationDb(): Database {
  const temp = makeTempDir('replay-dst');
  temps.push(temp);
  return openStationDatabase(path.join(temp.dir, 'station'));
}

/** Runs the steps, replays their events into an empty station database, checks it; returns the rebuilt holds. */
async function replayMatches(steps: readonly Step[]): Promise<unknown[]> {
  const { station } = await run(steps);
  try {
    const history = historyOf(station.db);
    expect(history[0]?.type).toBe('INTAKE_SCANNED');
    const db = emptyStationDb();
    try {
      const outcome = db.transaction(() => replayHqHistory(db, history, { stationId: 'LAX-DEMO-1', at: T0 }))();
      expect(outcome).toMatchObject({ stored: history.length, skipped: 0 });
      expect(intakeRows(db)).toEqual(intakeRows(station.db));
      expect(holdRows(db)).toEqual(holdRows(station.db));
      expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE state <> 'acked'").get()).toEqual({ n: 0 });
      expect((db.prepare('SELECT operator FROM intakes').all() as Array<{ operator: string }>).every((r) => r.operator === RESTORED_OPERATOR)).toBe(true);
      // The same history again: nothing new.
      expect(db.transaction(() => replayHqHistory(db, history, { stationId: 'LAX-DEMO-1', at: T0 }))()).toEqual({ stored: 0, intakes: 0, skipped: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: history.length });
      return holdRows(db);
    } finally {
      db.close();
    }
  } finally {
    await station.close();
  }
}

describe('replaying HQ history into a restored station', () => {
  it('held, released and returned parcels, an accepted damaged one and an open scan come back as the bench left them', async () => {
    const holds = await replayMatches([
      { kind: 'scan', tracking: 0 }, { kind: 'weigh' }, { kind: 'size' }, { kind: 'decide', hold: true }, { kind: 'finish' },
      { kind: 'scan', tracking: 1 }, { kind: 'weigh' }, { kind: 'size' }, { kind: 'damage' }, { kind: 'decide', hold: false },
      { kind: 'scan', tracking: 2 }, { kind: 'weigh' }, { kind: 'size' }, { kind: 'decide', hold: true }, { kind: 'release' },
      { kind: 'scan', tracking: 3 }, { kind: 'weigh' }, { kind: 'size' }, { kind: 'decide', hold: true }, { kind: 'return' },
    ]);
    expect((holds as Array<{ state: string }>).map((h) => h.state).sort()).toEqual(['held', 'released', 'returned']);
  }, 30_000);

  it('rebuilds the intakes and the hold shelf the bench made, each event once, for any sequence of steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: TRACKINGS.length - 1 }), fc.array(step, { maxLength: 25 }), async (first, rest) => {
        await replayMatches([{ kind: 'scan', tracking: first }, ...rest]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('skips the events of a parcel the restored station does not have, and stores the rest', async () => {
    const { station } = await run([{ kind: 'scan', tracking: 0 }, { kind: 'weigh' }, { kind: 'cancel' }, { kind: 'scan', tracking: 1 }, { kind: 'weigh' }]);
    try {
      const history = historyOf(station.db);
      const db = emptyStationDb();
      try {
        const withoutFirstScan = history.filter((e) => e.seq !== 1);
        expect(db.transaction(() => replayHqHistory(db, withoutFirstScan, { stationId: 'LAX-DEMO-1', at: T0 }))()).toEqual({ stored: 2, intakes: 1, skipped: 2 });
        expect(db.prepare('SELECT state, mass_source FROM intakes').all()).toEqual([{ state: 'weighed', mass_source: 'manual' }]);
      } finally {
        db.close();
      }
    } finally {
      await station.close();
    }
  }, 30_000);
});
