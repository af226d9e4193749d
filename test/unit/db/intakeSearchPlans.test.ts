/**
 * The query plans of the parcel lookup (electron/db/queries/intakeSearch.ts, migration 0080) on a station database
 * with a few thousand intakes: every list (each combination of day, verdict, reason and operator, first page and
 * later pages) reads intakes through an index in the order it returns them (no full scan, no sort of the whole
 * table), and the search box's statement reaches intakes only by index and the consignee names through the
 * trigram full-text index. Also: the reason index follows verdict changes, and the name index follows retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { insertIntake, setIntakeVerdict, type IntakeRow } from '../../../electron/db/queries/intakes.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { listIntakes, listSql, SEARCH_SQL, searchIntakes, type ListFilters } from '../../../electron/db/queries/intakeSearch.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { makeTempDir } from '../../support/tempDir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
const DECISIONS = ['ACCEPT', 'HOLD', 'RETURN'] as const;
const REASON = { ACCEPT: null, HOLD: 'ID_MISSING', RETURN: 'OVERWEIGHT' } as const;
const START = Date.UTC(2026, 0, 1);

function row(n: number): IntakeRow {
  const decision = DECISIONS[n % 3]!;
  const reason = REASON[decision];
  const verdict = { decision, reasons: reason ? [{ code: reason, effect: decision, message: 'x' }] : [], reprice: null };
  return {
    intake_id: randomUUID(), station_id: 'LAX-01', state: 'ready', scan_raw: `GOOD-${n}`, scan_kind: 'test', carrier: 'Test', tracking: `GOOD-${n}`,
    waybill: `APELAX${String(n).padStart(10, '0')}`, destination: 'CN', mass_q: 1, mass_source: 'scale', mass_unit: 'lb', manual_reason: null,
    length_nm: 1, width_nm: 1, height_nm: 1, dims_unit: 'in', damaged: 0, decision, verdict_json: JSON.stringify(verdict),
    operator: `OP${n % 7}`, created_at: START + n * 60_000, updated_at: START + n * 60_000,
  };
}

function manifest(n: number, name: string): ManifestEntry {
  return {
    waybill: `APELAX${String(n).padStart(10, '0')}`, inboundTracking: [`IN-${n}`], warehouse: 'LAX', destination: 'CN', declaredMass: massFromDecimal('3', 'lb')!,
    pieceIndex: 1, pieceCount: 1, consigneeName: name, consigneeIdStatus: 'received', dutiesStatus: 'not_required', shipperName: 'Amazon',
    shipperAddress: '1 Main St', items: [{ description: 'shirt', quantity: 1, valueMinor: 100, currency: 'USD' }], estimateMinor: 100, currency: 'USD',
  };
}

/** The plan's lines, with the parameters of the statement bound to placeholders. */
function plan(sql: string): string[] {
  const params: Record<string, unknown> = {};
  for (const m of sql.matchAll(/@(\w+)/g)) params[m[1]!] = m[1] === 'limit' ? 10 : 'X';
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((p) => p.detail);
}

const FILTERS = ['from', 'decision', 'reason', 'operator'] as const;
function combinations(): ListFilters[] {
  const all: ListFilters[] = [];
  for (let mask = 0; mask < 1 << FILTERS.length; mask++) {
    const f: Record<string, unknown> = {};
    FILTERS.forEach((name, i) => {
      if (mask & (1 << i)) Object.assign(f, name === 'from' ? { from: 1, to: 2 } : { [name]: 'X' });
    });
    all.push(f as ListFilters);
  }
  return all;
}

beforeAll(() => {
  temp = makeTempDir('search-plans');
  db = openStationDatabase(temp.dir);
  db.transaction(() => {
    for (let n = 0; n < 3000; n++) insertIntake(db, row(n));
    for (let n = 0; n < 3000; n += 10) upsertManifest(db, manifest(n, n === 500 ? 'Wang Xiaoming' : `Person ${n}`), START);
  })();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('lookup query plans', () => {
  it.each(combinations().flatMap((f) => [[JSON.stringify(f), f, false], [JSON.stringify(f), f, true]] as const))('list %s (later page: %s) reads intakes by index, in order', (_name, filters, paged) => {
    const lines = plan(listSql(filters, paged));
    const text = lines.join(' | ');
    expect(text, text).not.toMatch(/TEMP B-TREE/);
    for (const line of lines.filter((l) => /^(SCAN|SEARCH) (i|r)\b/.test(l))) {
      // A walk of the time index newest first is how the unfiltered first page stops after `limit` rows.
      const walk = /^SCAN i USING INDEX intakes_by_created_id$/.test(line) && Object.keys(filters).length === 0 && !paged;
      expect(walk || /^SEARCH (i|r) USING (COVERING )?(INDEX|PRIMARY KEY) \w*\s*\(/.test(line) || /^SEARCH r USING PRIMARY KEY/.test(line), line).toBe(true);
    }
  });

  it('the search box reaches intakes only through indexes, and names through the trigram index', () => {
    const lines = plan(SEARCH_SQL);
    const text = lines.join(' | ');
    expect(text, text).not.toMatch(/SCAN (i|intakes)\b/);
    expect(text).toMatch(/SEARCH intakes USING INDEX intakes_by_tracking \(tracking=\?\)/);
    expect(text).toMatch(/SEARCH intakes USING INDEX intakes_by_waybill \(waybill=\?\)/);
    expect(text).toMatch(/SEARCH t USING PRIMARY KEY \(tracking=\?\)/);
    expect(text).toMatch(/SEARCH holds USING INDEX holds_by_location \(location=\?\)/);
    // L0: the LIKE goes to the trigram index (192: read newest first, so the cap stops it early).
    expect(text).toMatch(/SCAN n VIRTUAL TABLE INDEX 192:L0/);
  });
});

describe('what the lookup indexes hold', () => {
  it('finds by inbound tracking through the manifest, and by part of a name, case-insensitive', () => {
    const none = { returnWaybill: null, returnTracking: null, namePattern: null };
    expect(searchIntakes(db, { code: 'IN-500', scanned: 'IN-500', ...none }, undefined, 5).map((r) => [r.tracking, r.matched])).toEqual([['GOOD-500', 'tracking']]);
    expect(searchIntakes(db, { code: '', scanned: '', ...none, namePattern: '%xiaom%' }, undefined, 5).map((r) => [r.tracking, r.consignee_name])).toEqual([['GOOD-500', 'Wang Xiaoming']]);
  });

  it('the reason index follows a changed verdict', () => {
    const first = listIntakes(db, { reason: 'ID_MISSING' }, undefined, 1)[0]!;
    setIntakeVerdict(db, first.intake_id, { decision: 'RETURN', reasons: [{ code: 'HOLD_EXPIRED', effect: 'RETURN', message: 'x' }], reprice: null }, START);
    expect(listIntakes(db, { reason: 'ID_MISSING' }, undefined, 3000).map((r) => r.intake_id)).not.toContain(first.intake_id);
    expect(listIntakes(db, { reason: 'HOLD_EXPIRED' }, undefined, 5).map((r) => r.intake_id)).toEqual([first.intake_id]);
  });

  it('a name changed by retention is found only as it is stored now', () => {
    upsertManifest(db, manifest(500, 'W*** X***'), START);
    expect(searchIntakes(db, { code: '', scanned: '', returnWaybill: null, returnTracking: null, namePattern: '%xiaom%' }, undefined, 5)).toEqual([]);
    const stored = db.prepare("SELECT count(*) AS n FROM manifest_names WHERE name LIKE '%Xiaoming%'").get() as { n: number };
    expect(stored.n).toBe(0);
  });
});
