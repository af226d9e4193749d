import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../shared/rules/reasonCodes.ts';
import type { ReasonDetail } from '../../../shared/rules/reasonDetail.ts';
import { actionApplies, reasonText, reasonWords, verdictLines } from '../../../shared/rules/reasonText.ts';
import { DECISIONS, decisionHeading, decisionText } from '../../../shared/rules/verdict.ts';
import { dims, mass } from './ruleFixtures.ts';

const hit = { destination: 'JP', item: 2, description: 'Anker power bank 20000mAh', quantity: 1, matched: 'power bank', via: 'keyword', category: 'a loose lithium battery or power bank', ruleId: 'all-lithium', ruleSetId: 'prohibited-ALL' } as const;

const EXAMPLES: Record<(typeof REASON_CODES)[number], [ReasonDetail, string]> = {
  OVERWEIGHT: [{ code: 'OVERWEIGHT', measured: mass('45.2', 'lb'), limit: mass('44', 'lb') }, 'Too heavy: it weighs 45.20 lb; the most ECMS accepts is 44.00 lb. Return to sender.'],
  OVERSIZE: [
    { code: 'OVERSIZE', rule: 'longest_side', measured: dims('62', '1', '1', 'in').length, limit: dims('59', '1', '1', 'in').length, dims: dims('62', '12', '10', 'in') },
    'Too big: the longest side is 62.0 in; the most ECMS accepts is 59.0 in (box 62.0 × 12.0 × 10.0 in). Return to sender.',
  ],
  PROHIBITED: [{ code: 'PROHIBITED', ...hit }, 'Not allowed into Japan: item 2, "Anker power bank 20000mAh", is a loose lithium battery or power bank (matched "power bank"). Return to sender.'],
  RESTRICTED_DOCS: [
    { code: 'RESTRICTED_DOCS', ...hit, destination: 'KR', description: 'Vitamin D3', quantity: 8, matched: 'vitamin', category: 'supplements or vitamins', quantityOver: 6 },
    'Over the personal-use limit for Korea: item 2, "Vitamin D3" × 8, is supplements or vitamins; at most 6 are allowed without documents. Put it on the hold shelf until the documents arrive.',
  ],
  CONTENT_REVIEW: [
    { code: 'CONTENT_REVIEW', ...hit, destination: 'HK', description: 'Bluetooth speaker', matched: 'bluetooth', category: 'a device with a built-in battery' },
    'Check the contents: item 2, "Bluetooth speaker", may be a device with a built-in battery (matched "bluetooth"). Ask a supervisor before it ships.',
  ],
  DECLARATION_INVALID: [
    { code: 'DECLARATION_INVALID', item: 1, description: '香水', problem: 'non_english', found: ['Chinese characters'] },
    'Description not in English: item 1, "香水", is written in Chinese characters. ECMS needs English descriptions. Put it on the hold shelf until the shipper declares it again.',
  ],
  ID_MISSING: [{ code: 'ID_MISSING', destination: 'TW', manifestStatus: 'missing' }, "No consignee ID yet: Taiwan customs need the receiver's ID. Put it on the hold shelf; it is released by itself when HQ receives the ID."],
  ID_INVALID: [{ code: 'ID_INVALID', destination: 'KR' }, 'Consignee ID rejected: the ID given for Korea is not valid. Put it on the hold shelf; it is released by itself when HQ receives a valid ID.'],
  DUTIES_UNPAID: [{ code: 'DUTIES_UNPAID', destination: 'JP' }, 'Duties and taxes for Japan are not paid yet. Put it on the hold shelf; it is released by itself when HQ reports payment.'],
  NO_PREALERT: [{ code: 'NO_PREALERT' }, 'No pre-alert: ECMS has no manifest for this parcel yet. Put it on the hold shelf until HQ sends one.'],
  DAMAGED_PACKAGING: [{ code: 'DAMAGED_PACKAGING' }, 'Packaging damaged (reported at intake): not fit to fly. Return to sender.'],
  DESTINATION_NOT_SERVED: [{ code: 'DESTINATION_NOT_SERVED', destination: 'PH' }, 'ECMS does not ship to Philippines from this warehouse now (no rate card in force). Return to sender.'],
  WEIGHT_MISMATCH: [
    { code: 'WEIGHT_MISMATCH', measured: mass('6.5', 'lb'), declared: mass('2', 'lb'), tolerancePercent: '10', toleranceFloor: mass('0.5', 'lb') },
    'Weight check: it weighs 6.50 lb but 2.00 lb was declared (more than 10% and more than 0.50 lb apart). Set it aside for inspection.',
  ],
  PRICE_UNAVAILABLE: [{ code: 'PRICE_UNAVAILABLE', problem: 'currency_mismatch', explanation: 'the estimate is in CNY' }, 'Price not worked out: the estimate is in CNY. Ask a supervisor to price it.'],
  HOLD_EXPIRED: [{ code: 'HOLD_EXPIRED', heldAt: 0, days: 31, limitDays: 30 }, 'On the hold shelf for 31 days; the limit is 30. Return to sender.'],
};

describe('reasonText: every reason code in plain words', () => {
  it.each(REASON_CODES.map((c) => [c] as const))('%s', (code) => {
    const [detail, text] = EXAMPLES[code];
    expect(reasonText(detail)).toBe(text);
  });

  it('uses the display units asked for', () => {
    expect(reasonText(EXAMPLES.OVERSIZE[0], { massUnit: 'kg', lengthUnit: 'cm' })).toBe(
      'Too big: the longest side is 157.5 cm; the most ECMS accepts is 149.9 cm (box 157.5 × 30.5 × 25.4 cm). Return to sender.',
    );
    expect(reasonText(EXAMPLES.OVERWEIGHT[0], { massUnit: 'kg', lengthUnit: 'cm' })).toBe('Too heavy: it weighs 20.50 kg; the most ECMS accepts is 19.96 kg. Return to sender.');
  });

  it('names the size rule in words', () => {
    const d = { ...EXAMPLES.OVERSIZE[0], rule: 'length_plus_girth' } as ReasonDetail;
    expect(reasonWords(d).what).toMatch(/^Too big: length \+ girth \(longest side \+ 2 × the other two\) is/);
  });

  it('shortens long descriptions', () => {
    const long = { ...EXAMPLES.PROHIBITED[0], description: 'x'.repeat(100) } as ReasonDetail;
    expect(reasonText(long)).toContain(`"${'x'.repeat(57)}…"`);
  });
});

describe('instructions follow the decision', () => {
  it.each([
    ['RETURN', 'RETURN', true],
    ['HOLD', 'HOLD', true],
    ['HOLD', 'RETURN', false],
    ['FLAG', 'ACCEPT', true],
    ['FLAG', 'HOLD', true],
    ['FLAG', 'RETURN', false],
  ] as const)('%s reason under %s → action shown: %s', (effect, decision, shown) => {
    expect(actionApplies(effect, decision)).toBe(shown);
  });
  it('verdictLines: decision first, then each reason', () => {
    const [detail] = EXAMPLES.ID_MISSING;
    expect(
      verdictLines({ decision: 'RETURN', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'stored text', detail }], reprice: null }),
    ).toEqual([decisionText('RETURN'), "No consignee ID yet: Taiwan customs need the receiver's ID."]);
    expect(verdictLines({ decision: 'ACCEPT', reasons: [{ code: 'NO_PREALERT', effect: 'FLAG', message: 'stored text' }], reprice: null })).toEqual([
      decisionText('ACCEPT'),
      'stored text',
    ]);
  });
});

describe('decision wording (one owner: shared/rules/verdict.ts)', () => {
  it('the screen heading names the decision in capitals with what to do', () => {
    expect(DECISIONS.map(decisionHeading)).toEqual(['ACCEPT — relabel and send on', 'HOLD — put it on the hold shelf', 'RETURN — send it back to the sender']);
  });
  it.each(DECISIONS)('%s: the verdict line and the heading give the same instruction', (decision) => {
    const action = decisionHeading(decision).slice(`${decision} — `.length);
    expect(decisionText(decision)).toBe(`${decision[0]}${decision.slice(1).toLowerCase()}: ${action}.`);
  });
});
