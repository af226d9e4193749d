import { describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../../shared/manifest/destinations.ts';
import { DEFAULT_LIMITS } from '../../../shared/rules/limits.ts';
import { buildRuleContext, type ReferenceDocInput } from '../../../shared/rules/ruleContext.ts';
import { AT, sampleReferenceDocs } from './ruleFixtures.ts';

const docs = (): ReferenceDocInput[] => structuredClone(sampleReferenceDocs());

describe('buildRuleContext from the sample reference data', () => {
  it.each(DESTINATIONS)('%s is served at LAX by card A, with its rules', (dest) => {
    const r = buildRuleContext(docs(), { destination: dest, warehouse: 'LAX', at: AT });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.context.rateCard?.card.cardId).toBe(`card-a-${dest}`);
    expect(r.context.prohibitedRules.map((s) => s.ruleSetId)).toEqual(expect.arrayContaining(['prohibited-ALL', `prohibited-${dest}`]));
    expect(r.context.limits.maxMass).toBe(DEFAULT_LIMITS.maxMass);
    expect(r.context.limits.source).toBe('rateCard');
  });
  it.each(['CN', 'JP', 'KR', 'TW'] as const)('%s at CHI uses card B (warehouse-specific) and the default limits', (dest) => {
    const r = buildRuleContext(docs(), { destination: dest, warehouse: 'CHI', at: AT });
    expect(r.ok && r.context.rateCard?.card.cardId).toBe(`card-b-${dest}`);
    expect(r.ok && r.context.limits.source).toBe('default');
  });
  it('the superseded CN card applies in 2025', () => {
    const r = buildRuleContext(docs(), { destination: 'CN', warehouse: 'LAX', at: Date.parse('2025-06-01T00:00:00Z') });
    expect(r.ok && r.context.rateCard?.docId).toBe('card-a-CN-2025-01');
  });
  it('before any card is in force the destination is not served (rateCard null), which is not an error', () => {
    const r = buildRuleContext(docs(), { destination: 'HK', warehouse: 'LAX', at: Date.parse('2024-01-01T00:00:00Z') });
    expect(r.ok && r.context.rateCard).toBe(null);
  });
  it('a parcel without a manifest gets the default limits and no card', () => {
    const r = buildRuleContext(docs(), { destination: null, warehouse: 'LAX', at: AT });
    expect(r.ok && [r.context.rateCard, r.context.limits]).toEqual([null, DEFAULT_LIMITS]);
  });
});

describe('typed errors, never silent defaults', () => {
  it('a corrupt rate card names the document', () => {
    const d = docs();
    const card = d.find((x) => x.docId === 'card-a-JP-2026-01');
    (card?.body as Record<string, unknown>)['fuelPercent'] = 'lots';
    const r = buildRuleContext(d, { destination: 'CN', warehouse: 'LAX', at: AT });
    expect(r).toMatchObject({ ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: 'card-a-JP-2026-01' } });
  });
  it('a corrupt rule set names the document', () => {
    const d = docs();
    const set = d.find((x) => x.docId === 'prohibited-KR');
    (set?.body as Record<string, unknown>)['rules'] = [];
    expect(buildRuleContext(d, { destination: 'CN', warehouse: 'LAX', at: AT })).toMatchObject({ ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: 'prohibited-KR' } });
  });
  it('no rate cards at all', () => {
    const d = docs().filter((x) => x.kind !== 'rateCard');
    expect(buildRuleContext(d, { destination: 'CN', warehouse: 'LAX', at: AT })).toMatchObject({ ok: false, error: { code: 'NO_RATE_CARDS' } });
    expect(buildRuleContext(d, { destination: null, warehouse: 'LAX', at: AT })).toMatchObject({ ok: false, error: { code: 'NO_RATE_CARDS' } });
  });
  it('no prohibited rules for the destination', () => {
    const d = docs().filter((x) => x.kind !== 'prohibitedRules');
    expect(buildRuleContext(d, { destination: 'JP', warehouse: 'LAX', at: AT })).toMatchObject({ ok: false, error: { code: 'NO_PROHIBITED_RULES' } });
  });
  it('two cards tied', () => {
    const d = docs();
    const twin = structuredClone(d.find((x) => x.docId === 'card-a-HK-2026-01'));
    if (!twin) throw new Error('fixture');
    d.push({ ...twin, docId: 'card-a-HK-2026-01-copy' });
    expect(buildRuleContext(d, { destination: 'HK', warehouse: 'LAX', at: AT })).toMatchObject({ ok: false, error: { code: 'RATE_CARD_AMBIGUOUS' } });
  });
  it('documents of other kinds are ignored', () => {
    const d = [...docs(), { kind: 'somethingElse', docId: 'x', version: '1', body: 'not ours' }];
    expect(buildRuleContext(d, { destination: 'CN', warehouse: 'LAX', at: AT }).ok).toBe(true);
  });
});
