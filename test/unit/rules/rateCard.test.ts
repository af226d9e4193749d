import { describe, expect, it } from 'vitest';
import { RateCardSchema, isInEffect, selectRateCard, type RateCard, type RateCardRef } from '../../../shared/rules/rateCard.ts';
import { cardA, sampleCard } from './ruleFixtures.ts';

const base = (): Record<string, unknown> => structuredClone(sampleCard('card-a-CN-2026-01')) as unknown as Record<string, unknown>;

describe('RateCardSchema refuses cards that cannot be priced exactly or monotonically', () => {
  it('accepts the sample cards', () => {
    expect(RateCardSchema.safeParse(base()).success).toBe(true);
  });
  it.each([
    ['a grace not smaller than the increment', { rounding: { increment: '1', grace: '1', minimum: '1' } }],
    ['an increment of zero', { rounding: { increment: '0', grace: '0', minimum: '1' } }],
    ['a weight with more decimals than lb can hold exactly', { rounding: { increment: '0.00001', grace: '0', minimum: '1' } }],
    ['effectiveTo before effectiveFrom', { effectiveTo: '2025-01-01T00:00:00Z' }],
    ['a date without an offset', { effectiveFrom: '2026-01-01T00:00:00' }],
    ['an unknown currency', { currency: 'XXX' }],
    ['money as a float', { tariff: { kind: 'firstAdditional', firstWeight: '1', firstMinor: 8.5, step: '1', additionalMinor: 450 } }],
    ['a fuel percentage as a number', { fuelPercent: 8.5 }],
    ['a band price going down', { tariff: { kind: 'steps', steps: [{ upTo: '1', priceMinor: 900 }, { upTo: '2', priceMinor: 800 }] } }],
    ['bands not going up', { tariff: { kind: 'steps', steps: [{ upTo: '2', priceMinor: 900 }, { upTo: '2', priceMinor: 1000 }] } }],
    ['an unknown destination', { destination: 'US' }],
    ['a non-positive DIM divisor', { dimWeight: { lengthUnit: 'in', divisor: 0, trigger: { kind: 'always' }, dimensionRounding: 'exact' } }],
  ])('%s', (_name, patch) => {
    expect(RateCardSchema.safeParse({ ...base(), ...patch }).success).toBe(false);
  });
});

const ref = (docId: string, card: RateCard): RateCardRef => ({ docId, docVersion: card.version, card });
const t = (iso: string) => Date.parse(iso);

describe('selectRateCard: effective dates, warehouse, ties', () => {
  const v2025 = ref('cn-2025', cardA({ version: '2025.1', effectiveFrom: '2025-01-01T08:00:00Z', effectiveTo: '2026-01-01T08:00:00Z' }));
  const v2026 = ref('cn-2026', cardA({ version: '2026.1', effectiveFrom: '2026-01-01T08:00:00Z' }));
  const v2027 = ref('cn-2027', cardA({ version: '2027.1', effectiveFrom: '2027-01-01T08:00:00Z' }));
  const chi = ref('cn-chi', cardA({ version: 'chi.1', effectiveFrom: '2025-06-01T00:00:00Z', warehouses: ['CHI'] }));
  const all = [v2025, v2026, v2027, chi];

  it.each([
    ['2024-12-31T23:59:59Z', 'LAX', null],
    ['2025-01-01T08:00:00Z', 'LAX', 'cn-2025'], // effectiveFrom is inclusive
    ['2026-01-01T07:59:59.999Z', 'LAX', 'cn-2025'],
    ['2026-01-01T08:00:00Z', 'LAX', 'cn-2026'], // effectiveTo is exclusive; the new version takes over
    ['2026-12-31T00:00:00Z', 'LAX', 'cn-2026'],
    ['2027-03-01T00:00:00Z', 'LAX', 'cn-2027'], // a later version supersedes without an end date on the earlier
    ['2026-03-01T00:00:00Z', 'CHI', 'cn-chi'], // the warehouse-specific card beats the general one
    ['2025-03-01T00:00:00Z', 'CHI', 'cn-2025'], // before the CHI card starts
  ] as const)('at %s for %s → %s', (at, warehouse, expected) => {
    const s = selectRateCard(all, 'CN', warehouse, t(at));
    expect(s.kind === 'found' ? s.ref.docId : null).toBe(expected);
  });

  it('only cards for the destination count', () => {
    expect(selectRateCard(all, 'JP', 'LAX', t('2026-06-01T00:00:00Z')).kind).toBe('none');
  });

  it('two cards tied on specificity and start are ambiguous, never picked silently', () => {
    const twin = ref('cn-2026-twin', cardA({ version: '2026.1b', effectiveFrom: '2026-01-01T08:00:00Z' }));
    const s = selectRateCard([...all, twin], 'CN', 'LAX', t('2026-06-01T00:00:00Z'));
    expect(s).toEqual({ kind: 'ambiguous', docIds: expect.arrayContaining(['cn-2026', 'cn-2026-twin']) });
  });

  it('isInEffect honours both ends', () => {
    expect(isInEffect(v2025.card, t('2025-06-01T00:00:00Z'))).toBe(true);
    expect(isInEffect(v2025.card, t('2026-01-01T08:00:00Z'))).toBe(false);
  });
});
