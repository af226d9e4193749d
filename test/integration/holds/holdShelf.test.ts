import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHoldShelf, type HoldShelf } from '../../../electron/holds/holdShelf.ts';
import type { HoldEvent, HoldEventSink } from '../../../electron/holds/holdEvents.ts';
import { appendEvent } from '../../../electron/station/eventLog.ts';
import { DAY_MS } from '../../../shared/rules/holdAging.ts';
import type { Verdict, VerdictReason } from '../../../shared/rules/verdict.ts';
import { insertIntake, openTempStationDb, type TempDb } from './holdShelfDb.ts';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const reason = (code: VerdictReason['code'], destination = 'CN'): VerdictReason => {
  const detail =
    code === 'ID_MISSING' ? { code, destination: destination as 'CN', manifestStatus: 'missing' } : code === 'DUTIES_UNPAID' ? { code, destination: destination as 'CN' } : undefined;
  return { code, effect: 'HOLD', message: `${code} words`, ...(detail ? { detail } : {}) } as VerdictReason;
};
const holdVerdict = (...codes: VerdictReason['code'][]): Verdict => ({
  decision: 'HOLD',
  reasons: [...codes.map((c) => reason(c)), { code: 'WEIGHT_MISMATCH', effect: 'FLAG', message: 'flag only' }],
  reprice: null,
});

let t: TempDb;
let now = T0;
let ids = 0;
let shelf: HoldShelf;
const events = () => t.db.prepare('SELECT e.type, e.intake_id, e.command_id, e.payload, o.state FROM events e JOIN outbox o ON o.seq = e.seq ORDER BY e.seq').all() as Array<{ type: string; intake_id: string; command_id: string; payload: string; state: string }>;
const place = (intakeId: string, waybill: string | null, verdict: Verdict, destination: 'CN' | 'KR' | 'JP' | null = 'CN') =>
  shelf.placeOnHold({ intakeId, waybill, destination, verdict, operator: 'ana', commandId: `cmd-${intakeId}` });

beforeEach(() => {
  t = openTempStationDb();
  now = T0;
  ids = 0;
  shelf = createHoldShelf({ db: t.db, appendEvent, clock: () => now, layout: { prefix: 'H', bays: 1, slotsPerBay: 3 }, newId: () => `hold-${++ids}` });
  for (const [i, wb] of [['i1', 'APELAX1040000001'], ['i2', 'APELAX1040000002'], ['i3', 'APELAX1040000003'], ['i4', 'APELAX1040000004'], ['i5', null]] as const) insertIntake(t.db, i, wb, wb ? 'CN' : null);
});
afterEach(() => t.close());

describe('placeOnHold', () => {
  it('assigns the first free shelf location and records the hold, an audit row and an event + outbox row', () => {
    const r = place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    expect(r).toEqual({ ok: true, value: { holdId: 'hold-1', location: 'H-01-01', heldAt: T0, expiresAt: T0 + 30 * DAY_MS, alreadyHeld: false } });
    const hold = t.db.prepare('SELECT * FROM holds').get() as Record<string, unknown>;
    expect(hold).toMatchObject({ hold_id: 'hold-1', intake_id: 'i1', state: 'held', location: 'H-01-01', held_at: T0 });
    expect(JSON.parse(String(hold['reasons_json'])).map((x: VerdictReason) => x.code)).toEqual(['ID_MISSING']); // FLAG reasons are not hold reasons
    expect(shelf.audit('hold-1').map((a) => [a.action, a.operator])).toEqual([['placed', 'ana']]);
    expect(events().map((e) => [e.type, e.intake_id, e.command_id, e.state])).toEqual([['HOLD_PLACED', 'i1', 'cmd-i1:hold-placed', 'pending']]);
    expect(JSON.parse(events()[0]?.payload ?? '{}')).toMatchObject({ holdId: 'hold-1', location: 'H-01-01', reasons: [{ code: 'ID_MISSING' }] });
  });

  it('fills slots in order, reuses a freed slot, and overflows instead of refusing', () => {
    expect([place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING')), place('i2', 'APELAX1040000002', holdVerdict('ID_MISSING')), place('i3', 'APELAX1040000003', holdVerdict('ID_MISSING'))].map((r) => r.ok && r.value.location)).toEqual(['H-01-01', 'H-01-02', 'H-01-03']);
    expect(place('i4', 'APELAX1040000004', holdVerdict('DUTIES_UNPAID'))).toMatchObject({ ok: true, value: { location: 'H-OVF-001' } });
    shelf.release(['hold-2'], 'ana', 'ID arrived by phone');
    expect(place('i5', null, holdVerdict('NO_PREALERT'), null)).toMatchObject({ ok: true, value: { location: 'H-01-02' } });
  });

  it('is idempotent per intake: same hold, same place; a new verdict updates the reasons (audited)', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    expect(place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'))).toMatchObject({ ok: true, value: { holdId: 'hold-1', alreadyHeld: true } });
    expect(events()).toHaveLength(1);
    const again = shelf.placeOnHold({ intakeId: 'i1', waybill: 'APELAX1040000001', destination: 'CN', verdict: holdVerdict('ID_MISSING', 'DUTIES_UNPAID'), operator: 'ana', commandId: 'cmd-2' });
    expect(again).toMatchObject({ ok: true, value: { holdId: 'hold-1', location: 'H-01-01', alreadyHeld: true } });
    expect(events().map((e) => e.type)).toEqual(['HOLD_PLACED', 'HOLD_REASONS_CHANGED']);
    expect(shelf.audit('hold-1').map((a) => a.action)).toEqual(['placed', 'reasons_changed']);
  });

  it('refuses a verdict that is not a HOLD, and an unknown intake', () => {
    expect(place('i1', 'APELAX1040000001', { decision: 'ACCEPT', reasons: [], reprice: null })).toMatchObject({ ok: false, error: { code: 'NOT_A_HOLD' } });
    expect(place('nope', 'APELAX1040000001', holdVerdict('ID_MISSING'))).toMatchObject({ ok: false, error: { code: 'INTAKE_NOT_FOUND' } });
    expect(t.db.prepare('SELECT COUNT(*) n FROM holds').get()).toEqual({ n: 0 });
  });

  it('writes nothing when the event cannot be appended (one transaction)', () => {
    const failing: HoldEventSink = () => {
      throw new Error('disk full');
    };
    const s = createHoldShelf({ db: t.db, appendEvent: failing, clock: () => now });
    expect(() => s.placeOnHold({ intakeId: 'i1', waybill: 'APELAX1040000001', destination: 'CN', verdict: holdVerdict('ID_MISSING'), operator: 'ana', commandId: 'c' })).toThrow('disk full');
    expect(t.db.prepare('SELECT (SELECT COUNT(*) FROM holds) h, (SELECT COUNT(*) FROM hold_audit) a, (SELECT COUNT(*) FROM events) e').get()).toEqual({ h: 0, a: 0, e: 0 });
  });
});

describe('listHolds by age bucket (injected clock)', () => {
  it('puts each hold in its bucket as time passes', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    now = T0 + 10 * DAY_MS;
    place('i2', 'APELAX1040000002', holdVerdict('DUTIES_UNPAID'));
    const at = (ms: number) => shelf.listHolds(ms).map((g) => [g.bucket, g.holds.map((h) => h.holdId)]);
    expect(at(T0 + 12 * DAY_MS)).toEqual([['expired', []], ['final_notice', []], ['escalate', ['hold-1']], ['chase', []], ['new', ['hold-2']]]);
    expect(at(T0 + 30 * DAY_MS + 1)).toEqual([['expired', ['hold-1']], ['final_notice', ['hold-2']], ['escalate', []], ['chase', []], ['new', []]]);
    const row = shelf.listHolds(T0 + 12 * DAY_MS)[2]?.holds[0];
    expect(row).toMatchObject({ location: 'H-01-01', waybill: 'APELAX1040000001', destination: 'CN', ageDays: 12, reasons: [{ code: 'ID_MISSING', message: 'ID_MISSING words' }] });
  });
});

describe('expireHolds: older than 30 days → return', () => {
  it('exactly 30 days is kept; 30 days + 1 ms is returned, audited and sent to HQ with a RETURN verdict', () => {
    place('i1', 'APELAX1040000001', holdVerdict('DUTIES_UNPAID'));
    expect(shelf.expireHolds(T0 + 30 * DAY_MS)).toEqual([]);
    const out = shelf.expireHolds(T0 + 30 * DAY_MS + 1);
    expect(out.map((x) => [x.holdId, x.location, x.verdict.decision, x.verdict.reasons.map((r) => r.code)])).toEqual([['hold-1', 'H-01-01', 'RETURN', ['HOLD_EXPIRED', 'DUTIES_UNPAID']]]);
    expect(t.db.prepare('SELECT state, close_cause, closed_by FROM holds').get()).toEqual({ state: 'returned', close_cause: 'expired', closed_by: 'system' });
    expect(shelf.audit('hold-1').map((a) => a.action)).toEqual(['placed', 'expired']);
    expect(events().map((e) => [e.type, e.command_id])).toEqual([['HOLD_PLACED', 'cmd-i1:hold-placed'], ['HOLD_RETURNED', 'hold-expired:hold-1']]);
    expect(shelf.expireHolds(T0 + 40 * DAY_MS)).toEqual([]); // once only
    expect(shelf.listHolds(T0 + 40 * DAY_MS).flatMap((g) => g.holds)).toEqual([]);
  });
});

describe('applyStatusChange: auto-release when HQ reports the ID or the duties', () => {
  it('ID received releases an ID hold; the event and audit say why', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    now = T0 + 2 * DAY_MS;
    const r = shelf.applyStatusChange('APELAX1040000001', { consigneeIdStatus: 'received' }, { commandId: 'hq-77' });
    expect(r.items).toEqual([{ holdId: 'hold-1', intakeId: 'i1', outcome: 'released' }]);
    expect(t.db.prepare('SELECT state, close_cause, closed_at FROM holds').get()).toEqual({ state: 'released', close_cause: 'auto_release', closed_at: now });
    expect(shelf.audit('hold-1').map((a) => a.action)).toEqual(['placed', 'auto_released']);
    const ev = events().at(-1);
    expect([ev?.type, ev?.command_id]).toEqual(['HOLD_RELEASED', 'hq-77:release:hold-1']);
    expect(JSON.parse(ev?.payload ?? '{}')).toMatchObject({ cause: 'auto_release', cleared: ['ID_MISSING'] });
    // A replay of the same HQ report changes nothing.
    expect(shelf.applyStatusChange('APELAX1040000001', { consigneeIdStatus: 'received' }, { commandId: 'hq-77' }).items).toEqual([]);
  });

  it('a hold waiting on ID and duties stays until both are reported', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING', 'DUTIES_UNPAID'));
    expect(shelf.applyStatusChange('APELAX1040000001', { dutiesStatus: 'paid' }, { commandId: 'hq-1' }).items[0]?.outcome).toBe('reasons_changed');
    expect(shelf.listHolds(now).flatMap((g) => g.holds)[0]?.reasons.map((r) => r.code)).toEqual(['ID_MISSING']);
    expect(shelf.applyStatusChange('APELAX1040000001', { consigneeIdStatus: 'received' }, { commandId: 'hq-2' }).items[0]?.outcome).toBe('released');
    expect(events().map((e) => e.type)).toEqual(['HOLD_PLACED', 'HOLD_REASONS_CHANGED', 'HOLD_RELEASED']);
  });

  it('an ID found invalid keeps the hold with ID_INVALID', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    shelf.applyStatusChange('APELAX1040000001', { consigneeIdStatus: 'invalid' }, { commandId: 'hq-3' });
    expect(shelf.listHolds(now).flatMap((g) => g.holds)[0]?.reasons.map((r) => r.code)).toEqual(['ID_INVALID']);
  });

  it('other waybills and holds a person must clear are untouched', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    place('i2', 'APELAX1040000002', holdVerdict('NO_PREALERT'));
    expect(shelf.applyStatusChange('APELAX1040000002', { consigneeIdStatus: 'received', dutiesStatus: 'paid' }, { commandId: 'hq-4' }).items).toEqual([{ holdId: 'hold-2', intakeId: 'i2', outcome: 'unchanged' }]);
    expect(shelf.listHolds(now).flatMap((g) => g.holds).map((h) => h.holdId)).toEqual(['hold-1', 'hold-2']);
  });
});

describe('release / convertToReturn in batch, each audited', () => {
  beforeEach(() => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    place('i2', 'APELAX1040000002', holdVerdict('DUTIES_UNPAID'));
    place('i3', 'APELAX1040000003', holdVerdict('ID_MISSING'));
  });

  it('releases several holds in one batch, with per-hold outcomes, audit rows and events', () => {
    now = T0 + DAY_MS;
    const r = shelf.release(['hold-1', 'hold-3', 'hold-9'], 'supervisor-li', '  ID confirmed by phone  ', { commandId: 'batch-1' });
    expect(r).toEqual({
      ok: true,
      value: {
        batchId: 'batch-1',
        items: [
          { holdId: 'hold-1', outcome: 'released', intakeId: 'i1' },
          { holdId: 'hold-3', outcome: 'released', intakeId: 'i3' },
          { holdId: 'hold-9', outcome: 'not_found' },
        ],
      },
    });
    const audit = shelf.audit('hold-3').at(-1);
    expect(audit).toMatchObject({ action: 'released', operator: 'supervisor-li', note: 'ID confirmed by phone', batch_id: 'batch-1', at: now });
    expect(events().slice(3).map((e) => [e.type, e.command_id])).toEqual([['HOLD_RELEASED', 'batch-1:release:hold-1'], ['HOLD_RELEASED', 'batch-1:release:hold-3']]);
    // Retried with the same command: nothing is held any more, nothing is written twice.
    const again = shelf.release(['hold-1', 'hold-3'], 'supervisor-li', 'ID confirmed by phone', { commandId: 'batch-1' });
    expect(again.ok && again.value.items.map((i) => i.outcome)).toEqual(['not_held', 'not_held']);
    expect(events()).toHaveLength(5);
  });

  it('converts to returns with a RETURN verdict in the event', () => {
    const r = shelf.convertToReturn(['hold-2'], 'supervisor-li', 'Consignee refused to pay');
    expect(r.ok && r.value.items[0]).toMatchObject({ holdId: 'hold-2', outcome: 'returned', verdict: { decision: 'RETURN', reasons: [{ code: 'DUTIES_UNPAID', effect: 'RETURN' }] } });
    expect(t.db.prepare("SELECT state, close_cause, close_note FROM holds WHERE hold_id = 'hold-2'").get()).toEqual({ state: 'returned', close_cause: 'manual_return', close_note: 'Consignee refused to pay' });
    const ev = events().at(-1);
    expect(ev?.type).toBe('HOLD_RETURNED');
    expect(JSON.parse(ev?.payload ?? '{}')).toMatchObject({ cause: 'manual_return', operator: 'supervisor-li', verdict: { decision: 'RETURN' } });
    expect(shelf.audit('hold-2').map((a) => a.action)).toEqual(['placed', 'returned']);
  });

  it.each([
    [[], 'ana', 'a note', 'EMPTY_SELECTION'],
    [['hold-1'], '  ', 'a note', 'OPERATOR_REQUIRED'],
    [['hold-1'], 'ana', ' ok ', 'NOTE_REQUIRED'],
  ] as const)('refuses %j by "%s" with note "%s" → %s, writing nothing', (holdIds, operator, note, code) => {
    expect(shelf.release([...holdIds], operator, note)).toMatchObject({ ok: false, error: { code } });
    expect(shelf.convertToReturn([...holdIds], operator, note)).toMatchObject({ ok: false, error: { code } });
    expect(events()).toHaveLength(3);
  });

  it('a batch is all or nothing on a storage failure', () => {
    let calls = 0;
    const flaky: HoldEventSink = (db, e: HoldEvent) => {
      if (++calls === 2) throw new Error('SQLITE_FULL');
      return appendEvent(db, e);
    };
    const s = createHoldShelf({ db: t.db, appendEvent: flaky, clock: () => now });
    expect(() => s.release(['hold-1', 'hold-2'], 'ana', 'batch release')).toThrow('SQLITE_FULL');
    expect(t.db.prepare("SELECT COUNT(*) n FROM holds WHERE state = 'held'").get()).toEqual({ n: 3 });
    expect(t.db.prepare("SELECT COUNT(*) n FROM hold_audit WHERE action = 'released'").get()).toEqual({ n: 0 });
  });
});

describe('schema', () => {
  it('one open hold per intake and per location is enforced by the database itself', () => {
    place('i1', 'APELAX1040000001', holdVerdict('ID_MISSING'));
    const insert = (holdId: string, intake: string, location: string) =>
      t.db.prepare("INSERT INTO holds (hold_id, intake_id, location, state, reasons_json, held_at, updated_at) VALUES (?, ?, ?, 'held', '[]', 0, 0)").run(holdId, intake, location);
    expect(() => insert('x1', 'i1', 'H-09-09')).toThrow(/UNIQUE/);
    expect(() => insert('x2', 'i2', 'H-01-01')).toThrow(/UNIQUE/);
    expect(() => t.db.prepare("INSERT INTO holds (hold_id, intake_id, location, state, reasons_json, held_at, updated_at) VALUES ('x3', 'i2', 'H-09-08', 'lost', '[]', 0, 0)").run()).toThrow(/CHECK/);
  });
  it('the expiry query uses the (state, held_at) index', () => {
    const plan = t.db.prepare("EXPLAIN QUERY PLAN SELECT * FROM holds WHERE state = 'held' AND held_at <= ? ORDER BY held_at, hold_id").all(0) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/holds_by_state_age/);
  });
});
