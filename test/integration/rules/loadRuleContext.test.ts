import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuleContextFailure, createVerdictDecider } from '../../../electron/rules/createVerdictDecider.ts';
import { loadRuleContext } from '../../../electron/rules/loadRuleContext.ts';
import { readReferenceFiles } from '../../../electron/rules/referenceFiles.ts';
import { ManifestEntrySchema } from '../../../shared/manifest/manifestEntry.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import { openTempStationDb, type TempDb } from '../holds/holdShelfDb.ts';

const AT = Date.parse('2026-06-01T12:00:00Z');
let t: TempDb;

function seedSamples(): void {
  const files = readReferenceFiles();
  if (!files.ok) throw new Error(files.error.message);
  const insert = t.db.prepare('INSERT INTO reference_docs (kind, doc_id, version, body_json, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const d of files.docs) insert.run(d.kind, d.docId, d.version, JSON.stringify(d.body), 1);
}

beforeEach(() => {
  t = openTempStationDb();
});
afterEach(() => t.close());

describe('loadRuleContext(db, destination, now, options)', () => {
  it('reads the sample reference data from the station database', () => {
    seedSamples();
    const lax = loadRuleContext(t.db, 'KR', AT, { warehouse: 'LAX' });
    const chi = loadRuleContext(t.db, 'KR', AT, { warehouse: 'CHI' });
    expect(lax.ok && lax.context.rateCard?.docId).toBe('card-a-KR-2026-01');
    expect(chi.ok && chi.context.rateCard?.docId).toBe('card-b-KR-2026-01');
  });

  it('an empty station is a typed error (NO_RATE_CARDS), never a default card', () => {
    expect(loadRuleContext(t.db, 'CN', AT, { warehouse: 'LAX' })).toMatchObject({ ok: false, error: { code: 'NO_RATE_CARDS' } });
  });

  it('unreadable JSON in a row is REFERENCE_DOC_CORRUPT naming the document', () => {
    seedSamples();
    t.db.prepare("UPDATE reference_docs SET body_json = '{not json', updated_at = 2 WHERE doc_id = 'prohibited-TW'").run();
    expect(loadRuleContext(t.db, 'CN', AT, { warehouse: 'LAX' })).toMatchObject({ ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: 'prohibited-TW' } });
  });

  it('sees an HQ update to a row (no stale cache)', () => {
    seedSamples();
    expect(loadRuleContext(t.db, 'HK', AT, { warehouse: 'LAX' })).toMatchObject({ ok: true });
    const body = JSON.parse((t.db.prepare("SELECT body_json FROM reference_docs WHERE doc_id = 'card-a-HK-2026-01'").get() as { body_json: string }).body_json);
    body.effectiveTo = '2026-03-01T00:00:00Z';
    t.db.prepare("UPDATE reference_docs SET body_json = ?, updated_at = 3 WHERE doc_id = 'card-a-HK-2026-01'").run(JSON.stringify(body));
    const r = loadRuleContext(t.db, 'HK', AT, { warehouse: 'LAX' });
    expect(r.ok && r.context.rateCard).toBeNull(); // HK retired: not served
  });
});

describe('createVerdictDecider: the station core port', () => {
  const manifest = ManifestEntrySchema.parse({
    waybill: 'APELAX1190000114',
    inboundTracking: ['TBA300014123456'],
    warehouse: 'LAX',
    destination: 'CN',
    declaredMass: massFromDecimal('1.5', 'lb'),
    consigneeName: 'Zhang Wei',
    consigneeIdStatus: 'missing',
    dutiesStatus: 'paid',
    shipperName: 'S',
    shipperAddress: 'A',
    items: [{ description: 'Cotton socks', quantity: 6, valueMinor: 500, currency: 'USD' }],
    estimateMinor: 1250,
    currency: 'USD',
  });

  it('decides from the database', () => {
    seedSamples();
    const decide = createVerdictDecider({ db: t.db, warehouse: () => 'LAX' });
    const v = decide({ manifest, mass: massFromDecimal('1.5', 'lb') ?? 0, dims: null, damaged: false, now: AT });
    expect([v.decision, v.reasons.map((r) => r.code), v.reprice?.priceMinor]).toEqual(['HOLD', ['ID_MISSING'], 1250]);
  });

  it('throws a typed RuleContextFailure when reference data is missing', () => {
    const decide = createVerdictDecider({ db: t.db, warehouse: () => 'LAX' });
    try {
      decide({ manifest, mass: 1, dims: null, damaged: false, now: AT });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleContextFailure);
      expect((e as RuleContextFailure).code).toBe('NO_RATE_CARDS');
    }
  });
});
