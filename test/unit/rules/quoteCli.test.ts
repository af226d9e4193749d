import { describe, expect, it } from 'vitest';
import quote from '../../../electron/cli/commands/quote.ts';

interface QuoteJson {
  served: boolean;
  rateCard: { cardId: string; version: string } | null;
  limits: Array<{ limit: string; status: string; measured: string | null; codes: string[] }>;
  billableWeight: { value: string; unit: string } | null;
  price: { currency: string; freightMinor: number; fuelMinor: number; totalMinor: number; total: string } | null;
  trace: Array<{ rule: string; detail: string }>;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await quote.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, json: out.length ? (JSON.parse(out.join('\n')) as QuoteJson) : null, err: err.join('\n') };
}
const AT = ['--at', '2026-06-01T12:00:00Z'];

describe('npm run cli -- quote', () => {
  it('the issue example: CN 3.2 lb 12x10x8 in → card A, 4 lb, $21.50, every limit passing', async () => {
    const r = await run('--dest', 'CN', '--weight', '3.2lb', '--dims', '12x10x8in', ...AT);
    expect(r.code).toBe(0);
    expect(r.json?.rateCard).toMatchObject({ cardId: 'card-a-CN', version: '2026.1' });
    expect(r.json?.limits).toEqual([
      { limit: 'weight', status: 'pass', measured: '3.2 lb', max: '44 lb', codes: [] },
      { limit: 'size', rule: 'longest_side', status: 'pass', measured: '12 in', max: '59 in', codes: [], measures: { longestSide: '12 in', lengthWidthHeight: '30 in', lengthPlusGirth: '48 in' } },
    ]);
    expect(r.json?.billableWeight).toEqual({ value: '4', unit: 'lb' });
    expect(r.json?.price).toEqual({ currency: 'USD', freightMinor: 2150, fuelMinor: 0, totalMinor: 2150, total: '$21.50' });
    expect(r.json?.trace.map((t) => t.rule)).toEqual(['rateCard', 'limits', 'actualWeight', 'dimWeight', 'chargeableWeight', 'rounding', 'minimum', 'tariff', 'fuel', 'total']);
  });

  // 3.2 lb = 51.2 oz = 1451.495584 g exactly; 1.45152 kg is a little over 3.2 lb. All bill 4 lb on card A.
  it.each(['1.45152kg', '51.2oz', '1451.495584g'])('accepts %s (and a box in cm)', async (weight) => {
    const r = await run('--dest', 'CN', '--weight', weight, '--dims', '30.48x25.4x20.32cm', ...AT);
    expect(r.code).toBe(0);
    expect(r.json?.price?.totalMinor).toBe(2150);
  });

  it('a failing limit prints the JSON and exits 1 with the codes', async () => {
    const r = await run('--dest', 'TH', '--weight', '44.01lb', '--dims', '62x10x10in', ...AT);
    expect(r.code).toBe(1);
    expect(r.json?.limits.map((l) => [l.status, l.codes])).toEqual([
      ['fail', ['OVERWEIGHT']],
      ['fail', ['OVERSIZE']],
    ]);
  });

  it('metric input against an inch limit shows both units', async () => {
    const r = await run('--dest', 'KR', '--weight', '20kg', '--dims', '150x10x10cm', ...AT);
    expect(r.json?.limits?.[0]).toMatchObject({ status: 'fail', measured: '20 kg = 44.0925 lb' });
    expect(r.json?.limits?.[1]).toMatchObject({ status: 'fail', measured: '150 cm = 59.0551 in' });
  });

  it('CHI prices KR on card B with fuel', async () => {
    const r = await run('--dest', 'kr', '--weight', '1.8kg', '--dims', '30x25x20cm', '--warehouse', 'chi', ...AT);
    expect(r.json?.price).toMatchObject({ freightMinor: 3000, fuelMinor: 255, totalMinor: 3255 });
  });

  it('without dims: the size check is not_measured', async () => {
    const r = await run('--dest', 'JP', '--weight', '6lb', ...AT);
    expect(r.code).toBe(0);
    expect(r.json?.limits?.[1]).toMatchObject({ status: 'not_measured', measured: null });
  });

  it('--at selects the card version in force', async () => {
    const r = await run('--dest', 'CN', '--weight', '3.2lb', '--at', '2025-06-01T00:00:00Z');
    expect(r.json?.rateCard?.version).toBe('2025.1');
    expect(r.json?.price?.totalMinor).toBe(750 + 3 * 450);
  });

  it('before any card: not served, exit 1', async () => {
    const r = await run('--dest', 'CN', '--weight', '3.2lb', '--at', '2020-01-01T00:00:00Z');
    expect([r.code, r.json?.served, r.json?.price]).toEqual([1, false, null]);
  });

  it.each([
    [['--dest', 'XX', '--weight', '1lb']],
    [['--dest', 'CN', '--weight', '3.2 stone']],
    [['--dest', 'CN', '--weight', '3.2lb', '--dims', '12x10in']],
    [['--dest', 'CN']],
    [['--dest', 'CN', '--weight', '1lb', '--colour', 'red']],
    [['--dest', 'CN', '--weight', '0lb']],
    [['CN', '3.2lb']],
  ])('bad usage %j → exit 2 with a JSON error on stderr', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.json).toBeNull();
    expect(JSON.parse(r.err)).toMatchObject({ error: { code: 'BAD_USAGE' } });
  });

  it('a missing reference file is an error, not a default price', async () => {
    const r = await run('--dest', 'CN', '--weight', '1lb', '--reference', '/nonexistent/cards.json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.err)).toMatchObject({ error: { code: 'REFERENCE_FILE_UNREADABLE' } });
  });
});
