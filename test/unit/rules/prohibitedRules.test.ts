import { describe, expect, it } from 'vitest';
import type { Destination } from '../../../shared/manifest/destinations.ts';
import type { ManifestItem } from '../../../shared/manifest/manifestEntry.ts';
import { ProhibitedRuleSetSchema, screenItems, type ProhibitedRuleSet } from '../../../shared/rules/prohibitedRules.ts';
import { nonLatinScripts, tokenize, wordForms } from '../../../shared/rules/textMatch.ts';
import { sampleContext } from './ruleFixtures.ts';

const item = (description: string, quantity = 1, hsCode?: string): ManifestItem => ({
  description,
  quantity,
  valueMinor: 1000,
  currency: 'USD',
  ...(hsCode ? { hsCode } : {}),
});

function screen(dest: Destination, ...items: ManifestItem[]) {
  return screenItems(items, dest, sampleContext(dest).prohibitedRules);
}
const hitsOf = (dest: Destination, description: string, quantity = 1, hs?: string) =>
  screen(dest, item(description, quantity, hs)).hits.map((h) => `${h.rule.severity}:${h.matched}`);

describe('keyword matching', () => {
  it.each([
    // [destination, description, expected hits]
    ['JP', 'Anker Power Bank 20000mAh', ['PROHIBITED:power bank']], // case-insensitive
    ['JP', 'POWER BANKS x2', ['PROHIBITED:power bank']], // plural of the last word
    ['JP', 'Spare lithium batteries', ['PROHIBITED:lithium battery']], // y → ies
    ['HK', 'Li-ion battery pack', ['PROHIBITED:li-ion battery']],
    ['HK', 'Li ion battery pack', ['PROHIBITED:li-ion battery']], // hyphen or space
    ['HK', 'E-cigarette starter kit', ['PROHIBITED:e-cigarette']],
    ['HK', 'Ecigarette starter kit', ['PROHIBITED:e-cigarette']], // written solid
    ['HK', 'ＰＥＲＦＵＭＥ 50ml', ['PROHIBITED:perfume']], // full-width letters (NFKC)
    ['HK', 'Firework', ['PROHIBITED:fireworks']], // plural keyword matches singular text
    ['HK', 'Chef knives set', ['REVIEW:knife']], // f → ves
    ['HK', 'Gunmetal grey phone case', []], // whole words only: "gun" is not in "gunmetal"
    ['HK', 'Toy gun', ['PROHIBITED:gun']],
    ['HK', 'Hot glue gun', []], // exception phrase
    ['HK', 'Battery-free wall clock', []], // exception phrase
    ['HK', 'Wall clock with battery', ['REVIEW:battery']],
    ['HK', 'Bullet journal notebook', []],
    ['HK', 'Paint brush set', []],
    ['HK', 'Acrylic paint set', ['PROHIBITED:paint']],
    ['HK', 'Cotton T-shirt', []],
    ['CN', 'Samsung mobile phone', ['REVIEW:mobile phone']], // destination extra
    ['HK', 'Samsung mobile phone', []], // not a rule for HK
    ['CN', 'Beef jerky', ['PROHIBITED:jerky']],
    ['CN', 'Plant-based protein bar', []], // exception
    ['SG', 'Chewing gum', ['PROHIBITED:chewing gum']],
    ['MY', 'Chewing gum', []],
  ] as const)('%s: "%s"', (dest, description, expected) => {
    expect(hitsOf(dest, description)).toEqual(expected);
  });

  it('Chinese, Japanese and Korean keywords match inside words (no spaces in those scripts)', () => {
    expect(hitsOf('CN', '锂电池充电宝')).toEqual(expect.arrayContaining(['PROHIBITED:锂电池']));
    expect(hitsOf('JP', 'モバイルバッテリー 10000')).toEqual(['PROHIBITED:モバイルバッテリー']);
    expect(hitsOf('KR', '보조배터리를')).toEqual(['PROHIBITED:보조배터리']); // attached particle
  });

  it('keeps only the most severe hits per item: a power bank is not also listed as a battery to review', () => {
    expect(hitsOf('JP', 'Rechargeable power bank with battery indicator')).toEqual(['PROHIBITED:power bank']);
  });

  it('the same keyword in the universal and a destination set is one finding', () => {
    expect(hitsOf('TW', 'E-cigarette')).toEqual(['PROHIBITED:e-cigarette']);
  });

  it('reports each item separately with its 1-based number', () => {
    const r = screen('JP', item('USB-C cable'), item('Power bank'), item('Hair serum'));
    expect(r.hits.map((h) => [h.item, h.rule.severity])).toEqual([[2, 'PROHIBITED'], [3, 'REVIEW']]);
  });
});

describe('HS-code rules', () => {
  it('matches by prefix when no keyword matches', () => {
    const r = screen('CN', item('Eau fraiche', 1, '330300'));
    expect(r.hits.map((h) => [h.via, h.matched, h.rule.id])).toEqual([['hsCode', '3303', 'all-flammable-liquid']]);
  });
  it('prefers the keyword when both match', () => {
    expect(screen('CN', item('Perfume', 1, '330300')).hits.map((h) => h.via)).toEqual(['keyword']);
  });
  it('chapter-level prefixes (KR general clearance for HS 01–31)', () => {
    expect(hitsOf('KR', 'Green tea leaves', 1, '090210')).toEqual(['REVIEW:09']);
    expect(hitsOf('KR', 'Green tea leaves', 1, '420221')).toEqual([]);
  });
});

describe('quantity limits', () => {
  it.each([
    [6, []],
    [7, ['RESTRICTED:supplement']],
  ] as const)('KR supplements × %i', (qty, expected) => {
    expect(hitsOf('KR', 'Fish oil supplement', qty)).toEqual(expected);
  });
  it.each([
    [24, []],
    [25, ['RESTRICTED:lipstick']],
  ] as const)('JP lipsticks × %i', (qty, expected) => {
    expect(hitsOf('JP', 'Matte lipstick', qty)).toEqual(expected);
  });
});

describe('declarations: English only, and specific', () => {
  it.each([
    ['香水', ['Chinese characters']],
    ['日焼け止め sunscreen', ['Japanese']], // kanji with kana is Japanese, not Chinese
    ['비타민', ['Korean']],
    ['ครีมกันแดด', ['Thai']],
    ['Духи', ['Cyrillic']],
    ['Café crème mug', []], // accented Latin is still Latin
    ['Cotton T-shirt (size M) — 100%', []],
  ] as const)('"%s" → %j', (text, scripts) => {
    expect(nonLatinScripts(text)).toEqual(scripts);
  });

  it.each([
    ['Gift', true],
    ['gifts', true],
    ['A gift for my mother', true],
    ['Personal items', true],
    ['Misc stuff', true],
    ['Electronics accessories', true],
    ['Clothes', true],
    ['Sample', true],
    ['2 pcs gift', true],
    ['Gift set: LEGO Technic 42115', false],
    ['Phone accessories', false],
    ['Cotton clothes for baby', false],
    ['Car parts', false], // specific enough, but a REVIEW hit
    ['Dog food', false],
  ] as const)('"%s" vague: %s', (description, vague) => {
    const problems = screen('PH', item(description)).declarationProblems;
    expect(problems.some((p) => p.problem === 'vague')).toBe(vague);
  });

  it('a non-English description is a declaration problem even when a keyword also matches', () => {
    const r = screen('CN', item('香水 Perfume 50ml'));
    expect(r.declarationProblems).toEqual([{ item: 1, description: '香水 Perfume 50ml', problem: 'non_english', found: ['Chinese characters'] }]);
    expect(r.hits.map((h) => h.rule.severity)).toEqual(['PROHIBITED']);
  });
});

describe('text helpers', () => {
  it('tokenize splits on anything not a letter or digit and lower-cases', () => {
    expect(tokenize('USB-C   Cable, 2M!')).toEqual(['usb', 'c', 'cable', '2m']);
  });
  it('wordForms covers English plural shapes', () => {
    expect([...wordForms('battery')]).toEqual(expect.arrayContaining(['battery', 'batteries', 'batterys']));
    expect([...wordForms('knife')]).toContain('knives');
    expect([...wordForms('fireworks')]).toContain('firework');
    expect([...wordForms('box')]).toContain('boxes');
  });
});

describe('ProhibitedRuleSetSchema', () => {
  const good = { ruleSetId: 'x', version: '1', appliesTo: ['CN'], rules: [{ id: 'r1', severity: 'PROHIBITED', category: 'a thing', keywords: ['thing'] }] };
  it('accepts a minimal set', () => {
    expect(ProhibitedRuleSetSchema.safeParse(good).success).toBe(true);
  });
  it.each([
    ['a rule with neither keywords nor HS codes', { rules: [{ id: 'r1', severity: 'PROHIBITED', category: 'a thing' }] }],
    ['duplicate rule ids', { rules: [good.rules[0], good.rules[0]] }],
    ['an unknown severity', { rules: [{ ...good.rules[0], severity: 'BANNED' }] }],
    ['an HS code with letters', { rules: [{ ...good.rules[0], hsPrefixes: ['33A'] }] }],
    ['a VAGUE rule with HS codes', { rules: [{ ...good.rules[0], severity: 'VAGUE', hsPrefixes: ['33'] }] }],
    ['no destinations', { appliesTo: [] }],
    ['an empty rule list', { rules: [] }],
  ])('refuses %s', (_name, patch) => {
    expect(ProhibitedRuleSetSchema.safeParse({ ...good, ...patch }).success).toBe(false);
  });
  it('a destination set never relaxes the universal one (sets only add up)', () => {
    const sets: ProhibitedRuleSet[] = [...sampleContext('HK').prohibitedRules];
    const onlyHk = sets.filter((s) => s.appliesTo !== 'ALL');
    expect(screenItems([item('Power bank')], 'HK', onlyHk).hits).toEqual([]);
    expect(screenItems([item('Power bank')], 'HK', sets).hits).toHaveLength(1);
  });
});
