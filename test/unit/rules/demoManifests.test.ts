/**
 * The demo data in resources/: schemas, real-looking inbound numbers with valid check digits (recomputed here with
 * the published algorithms, independently of shared/barcode), and every scenario's expected verdict.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManifestEntrySchema } from '../../../shared/manifest/manifestEntry.ts';
import { decideVerdict } from '../../../shared/rules/decideVerdict.ts';
import { REASON_CODES } from '../../../shared/rules/reasonCodes.ts';
import { ReferenceDocFileSchema } from '../../../shared/sync/referenceDoc.ts';
import { LENGTH_UNITS, lengthFromDecimal } from '../../../shared/units/length.ts';
import { MASS_UNITS, massFromDecimal } from '../../../shared/units/mass.ts';
import { AT, sampleContext } from './ruleFixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = (rel: string): unknown => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

const manifests = z.array(ManifestEntrySchema).parse(readJson('resources/demo/manifests.json'));
const ScenarioSchema = z.object({
  id: z.string(),
  scan: z.string(),
  waybill: z.string().nullable(),
  warehouse: z.enum(['LAX', 'CHI']),
  weigh: z.object({ value: z.string(), unit: z.enum(MASS_UNITS) }),
  dims: z.object({ length: z.string(), width: z.string(), height: z.string(), unit: z.enum(LENGTH_UNITS) }).nullable(),
  damaged: z.boolean(),
  expected: z.object({ decision: z.enum(['ACCEPT', 'HOLD', 'RETURN']), codes: z.array(z.enum(REASON_CODES)), priceMinor: z.number().int().optional(), deltaMinor: z.number().int().optional() }),
  note: z.string(),
});
const scenarioFile = z.object({ sample: z.literal(true), note: z.string(), scenarios: z.array(ScenarioSchema) }).parse(readJson('resources/demo/scenarios.json'));
const scenarios = scenarioFile.scenarios;

// Published check-digit algorithms (../shared/reference/barcodes.md §1.2–1.4).
function upsValid(t: string): boolean {
  if (!/^1Z[0-9A-Z]{16}$/.test(t)) return false;
  const data = t.slice(2, 17);
  let sum = 0;
  [...data].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 0 ? v : 2 * v;
  });
  return (10 - (sum % 10)) % 10 === Number(t[17]);
}
function mod10Valid(t: string): boolean {
  const body = t.slice(0, -1);
  let sum = 0;
  [...body].reverse().forEach((c, i) => (sum += Number(c) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10 === Number(t.at(-1));
}
function fedex12Valid(t: string): boolean {
  const w = [1, 3, 7];
  let sum = 0;
  [...t.slice(0, 11)].reverse().forEach((c, i) => (sum += Number(c) * (w[i % 3] ?? 0)));
  return (sum % 11) % 10 === Number(t[11]);
}
function inboundKind(t: string): string | null {
  if (/^1Z/.test(t)) return upsValid(t) ? 'ups' : null;
  if (/^9[2-5]\d{20}$/.test(t)) return mod10Valid(t) ? 'usps' : null;
  if (/^\d{12}$/.test(t)) return fedex12Valid(t) ? 'fedex' : null;
  if (/^TBA\d{12}$/.test(t)) return 'amazon';
  return null;
}

describe('check-digit helpers agree with the published test vectors', () => {
  it.each([
    ['1Z879E930346834440', true],
    ['1Z879E930346834441', false],
    ['1Z999AA10123456784', true],
    ['9400111206206406260787', true],
    ['9400111206206406260788', false],
    ['9212391234567812345670', true],
    ['986578788855', true],
    ['996578788855', false],
  ])('%s → %s', (t, valid) => {
    expect(inboundKind(t) !== null).toBe(valid);
  });
});

describe('resources/demo/manifests.json', () => {
  it('has LAX and CHI manifests, all nine destinations, waybills APELAX/APECHI + 10 digits matching the warehouse', () => {
    expect(new Set(manifests.map((m) => m.warehouse))).toEqual(new Set(['LAX', 'CHI']));
    expect(new Set(manifests.map((m) => m.destination)).size).toBe(9);
    for (const m of manifests) expect(m.waybill).toMatch(m.warehouse === 'LAX' ? /^APELAX\d{10}$/ : /^APECHI\d{10}$/);
    expect(new Set(manifests.map((m) => m.waybill)).size).toBe(manifests.length);
  });
  it('every inbound tracking number is real-looking with a valid check digit, and unique', () => {
    const all = manifests.flatMap((m) => m.inboundTracking);
    expect(all.map((t) => [t, inboundKind(t) !== null])).toEqual(all.map((t) => [t, true]));
    expect(new Set(all.map(inboundKind))).toEqual(new Set(['ups', 'usps', 'fedex', 'amazon']));
    expect(new Set(all).size).toBe(all.length);
  });
  it('the reference files are marked as samples', () => {
    for (const f of ['rate-cards-card-a.json', 'rate-cards-card-b.json', 'prohibited-rules.json']) {
      expect(ReferenceDocFileSchema.parse(readJson(`resources/reference/${f}`)).sample).toBe(true);
    }
  });
});

describe('resources/demo/scenarios.json: every scenario gets its expected verdict', () => {
  it('covers every verdict the issue lists', () => {
    const codes = new Set(scenarios.flatMap((s) => s.expected.codes));
    for (const c of ['OVERWEIGHT', 'OVERSIZE', 'PROHIBITED', 'ID_MISSING', 'ID_INVALID', 'DUTIES_UNPAID', 'WEIGHT_MISMATCH', 'DAMAGED_PACKAGING', 'NO_PREALERT', 'RESTRICTED_DOCS', 'DECLARATION_INVALID', 'CONTENT_REVIEW'] as const) {
      expect(codes.has(c)).toBe(true);
    }
    expect(new Set(scenarios.map((s) => s.expected.decision))).toEqual(new Set(['ACCEPT', 'HOLD', 'RETURN']));
    const idMissing = scenarios.filter((s) => s.expected.codes.includes('ID_MISSING')).map((s) => manifests.find((m) => m.waybill === s.waybill)?.destination);
    expect(new Set(idMissing)).toEqual(new Set(['CN', 'KR', 'TW']));
    const cards = new Set(scenarios.filter((s) => s.expected.priceMinor !== undefined).map((s) => s.warehouse));
    expect(cards).toEqual(new Set(['LAX', 'CHI']));
  });

  it('no-prealert scans are valid numbers that no manifest lists', () => {
    const listed = new Set(manifests.flatMap((m) => m.inboundTracking));
    for (const s of scenarios.filter((x) => x.waybill === null)) {
      expect(inboundKind(s.scan)).not.toBeNull();
      expect(listed.has(s.scan)).toBe(false);
    }
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const m = s.waybill === null ? null : (manifests.find((x) => x.waybill === s.waybill) ?? null);
    if (s.waybill !== null) {
      expect(m?.inboundTracking).toContain(s.scan);
      expect(m?.warehouse).toBe(s.warehouse);
    }
    const mass = massFromDecimal(s.weigh.value, s.weigh.unit);
    const d = s.dims;
    const sides = d ? [d.length, d.width, d.height].map((x) => lengthFromDecimal(x, d.unit)) : null;
    if (mass === null || (sides && sides.some((x) => x === null))) throw new Error('bad scenario quantities');
    const v = decideVerdict({
      manifest: m,
      measuredMass: mass,
      dims: sides ? { length: sides[0] ?? 0, width: sides[1] ?? 0, height: sides[2] ?? 0 } : null,
      damaged: s.damaged,
      context: sampleContext(m?.destination ?? null, s.warehouse, AT),
    });
    expect(v.decision).toBe(s.expected.decision);
    expect([...new Set(v.reasons.map((r) => r.code))].sort()).toEqual([...s.expected.codes].sort());
    expect(v.reprice?.priceMinor).toBe(s.expected.priceMinor);
    expect(v.reprice?.deltaMinor).toBe(s.expected.deltaMinor);
  });
});
