/**
 * The manifest pull writes only valid entries through the one upsert in electron/db/queries/manifests.ts. A model
 * of the station's manifests follows random sequences of pages (valid entries, invalid entries from HQ, status
 * updates for held / unknown / damaged rows) with stored rows damaged between pages: every page's counts and status
 * changes match the model, a bad item is quarantined (and counted) instead of written, and every stored row the
 * model calls valid is exactly the entry it expects.
 */
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { findManifest, getManifest, readStoredManifest, upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { quarantineCount } from '../../../electron/db/queries/streamCursors.ts';
import { applyManifestPage } from '../../../electron/sync/applyManifestPage.ts';
import type { ManifestStatusChange } from '../../../electron/sync/manifestStatusChange.ts';
import { DUTY_STATUSES, ID_STATUSES, type ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { PullPage } from '../../../shared/sync/pullWire.ts';
import { makeManifest } from '../../integration/sync/fixtures.ts';

type IdStatus = ManifestEntry['consigneeIdStatus'];
type DutyStatus = ManifestEntry['dutiesStatus'];

type Step =
  | { kind: 'upsert'; i: number; id: IdStatus; duty: DutyStatus; track: number }
  | { kind: 'badUpsert'; i: number }
  | { kind: 'status'; i: number; id: IdStatus; duty: DutyStatus }
  | { kind: 'damage'; i: number; how: 'json' | 'schema' };

type ModelRow = { state: 'valid'; entry: ManifestEntry } | { state: 'damaged' };

const WAYBILLS = 4;
const id = fc.constantFrom(...ID_STATUSES);
const duty = fc.constantFrom(...DUTY_STATUSES);
const i = fc.integer({ min: 0, max: WAYBILLS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), i, id, duty, track: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('badUpsert' as const), i }),
  fc.record({ kind: fc.constant('status' as const), i, id, duty }),
  fc.record({ kind: fc.constant('damage' as const), i, how: fc.constantFrom('json' as const, 'schema' as const) }),
);

function openDb(): DB {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  return db;
}

const entryOf = (s: Extract<Step, { kind: 'upsert' }>): ManifestEntry =>
  makeManifest(s.i, 'LAX', { consigneeIdStatus: s.id, dutiesStatus: s.duty, inboundTracking: [`TRK${s.i}X${s.track}`] });

function diff(before: Partial<ManifestEntry>, id: IdStatus, duty: DutyStatus, waybill: string): ManifestStatusChange | null {
  const change: { waybill: string; consigneeIdStatus?: IdStatus; dutiesStatus?: DutyStatus } = { waybill };
  if (before.consigneeIdStatus !== id) change.consigneeIdStatus = id;
  if (before.dutiesStatus !== duty) change.dutiesStatus = duty;
  return Object.keys(change).length === 1 ? null : change;
}

/** Applies one page's steps to the model; returns what applyManifestPage must report. */
function expectPage(model: Map<number, ModelRow>, steps: readonly Step[]) {
  let applied = 0;
  let quarantined = 0;
  const statusChanges: ManifestStatusChange[] = [];
  for (const s of steps) {
    const waybill = makeManifest(s.i, 'LAX').waybill;
    const row = model.get(s.i);
    if (s.kind === 'badUpsert') {
      quarantined++;
    } else if (s.kind === 'upsert') {
      const entry = entryOf(s);
      const change = row === undefined ? null : diff(row.state === 'valid' ? row.entry : {}, s.id, s.duty, waybill);
      if (change) statusChanges.push(change);
      model.set(s.i, { state: 'valid', entry });
      applied++;
    } else if (s.kind === 'status') {
      if (row?.state !== 'valid') {
        quarantined++;
        continue;
      }
      const change = diff(row.entry, s.id, s.duty, waybill);
      if (change) {
        statusChanges.push(change);
        model.set(s.i, { state: 'valid', entry: { ...row.entry, consigneeIdStatus: s.id, dutiesStatus: s.duty } });
      }
      applied++;
    }
  }
  return { applied, quarantined, statusChanges };
}

function itemOf(s: Exclude<Step, { kind: 'damage' }>): unknown {
  const waybill = makeManifest(s.i, 'LAX').waybill;
  if (s.kind === 'upsert') return { op: 'upsert', entry: entryOf(s) };
  if (s.kind === 'badUpsert') return { op: 'upsert', entry: { ...makeManifest(s.i, 'LAX'), declaredMass: -1 } };
  return { op: 'status', waybill, consigneeIdStatus: s.id, dutiesStatus: s.duty };
}

function damage(db: DB, model: Map<number, ModelRow>, s: Extract<Step, { kind: 'damage' }>): void {
  const waybill = makeManifest(s.i, 'LAX').waybill;
  const body = s.how === 'json' ? '{"waybill": ' : JSON.stringify({ waybill, consigneeIdStatus: 'missing' });
  if (db.prepare('UPDATE manifests SET entry_json = ? WHERE waybill = ?').run(body, waybill).changes > 0) model.set(s.i, { state: 'damaged' });
}

/** Splits steps into pages at every damage step (damage happens between pages, as a disk fault would). */
function run(db: DB, steps: readonly Step[]): void {
  const model = new Map<number, ModelRow>();
  let pending: Array<Exclude<Step, { kind: 'damage' }>> = [];
  let now = 1;
  let quarantinedSoFar = 0;
  const flush = () => {
    if (pending.length === 0) return;
    now++;
    const page: PullPage = { reset: false, stream: 'manifests', cursor: `c${now}`, upToDate: true, items: pending.map(itemOf) };
    const expected = expectPage(model, pending);
    expect(applyManifestPage(db, page, 'LAX', now)).toEqual(expected);
    quarantinedSoFar += expected.quarantined;
    expect(quarantineCount(db)).toBe(quarantinedSoFar);
    pending = [];
  };
  for (const s of steps) {
    if (s.kind === 'damage') {
      flush();
      damage(db, model, s);
    } else pending.push(s);
  }
  flush();
  for (let n = 0; n < WAYBILLS; n++) {
    const waybill = makeManifest(n, 'LAX').waybill;
    const row = model.get(n);
    const stored = readStoredManifest(db, waybill);
    if (row === undefined) expect(stored).toEqual({ state: 'absent' });
    else if (row.state === 'damaged') expect(stored.state).toBe('damaged');
    else {
      expect(stored).toEqual({ state: 'valid', entry: row.entry });
      for (const t of row.entry.inboundTracking) expect(findManifest(db, t)).toEqual(row.entry);
    }
  }
}

describe('manifest pull validation', () => {
  it('writes only valid entries and quarantines the rest, for any sequence of pages and damaged rows', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const db = openDb();
        try {
          run(db, steps);
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('quarantines a status update for a damaged stored row, with the reason, and leaves the row as it was', () => {
    const db = openDb();
    const m = makeManifest(1, 'LAX');
    upsertManifest(db, m, 1);
    db.prepare('UPDATE manifests SET entry_json = ? WHERE waybill = ?').run('{"waybill": "x"}', m.waybill);
    const page: PullPage = { reset: false, stream: 'manifests', cursor: 'c1', upToDate: true, items: [{ op: 'status', waybill: m.waybill, consigneeIdStatus: 'received', dutiesStatus: 'paid' }] };
    expect(applyManifestPage(db, page, 'LAX', 2)).toEqual({ applied: 0, quarantined: 1, statusChanges: [] });
    const q = db.prepare('SELECT item_key, error FROM sync_quarantine').get() as { item_key: string; error: string };
    expect(q.item_key).toBe(m.waybill);
    expect(q.error).toMatch(/stored row is damaged/);
    expect((db.prepare('SELECT entry_json FROM manifests WHERE waybill = ?').get(m.waybill) as { entry_json: string }).entry_json).toBe('{"waybill": "x"}');
    db.close();
  });

  it('reports a stored row that is not JSON as a typed storage failure when the intake reads it', () => {
    const db = openDb();
    const m = makeManifest(2, 'LAX');
    upsertManifest(db, m, 1);
    db.prepare('UPDATE manifests SET entry_json = ? WHERE waybill = ?').run('not json', m.waybill);
    expect(() => getManifest(db, m.waybill)).toThrow(expect.objectContaining({ code: 'STORAGE_FAILED', message: expect.stringMatching(/re-pull manifests/) }));
    expect(() => findManifest(db, m.inboundTracking[0] ?? '')).toThrow(expect.objectContaining({ code: 'STORAGE_FAILED' }));
    db.close();
  });
});
