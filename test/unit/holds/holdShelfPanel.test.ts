import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HoldShelfPanel } from '../../../renderer/holds/HoldShelfPanel.tsx';
import { ageText, canSubmitBatch, pruneSelection, toggleBucket, toggleHold } from '../../../renderer/holds/holdSelection.ts';
import { DAY_MS, groupHoldsByAge, type HoldRecord } from '../../../shared/rules/holdAging.ts';

const NOW = Date.parse('2026-04-01T12:00:00Z');
const rec = (holdId: string, days: number, extra: Partial<HoldRecord> = {}): HoldRecord => ({
  holdId,
  intakeId: `intake-${holdId}`,
  waybill: `APELAX10400000${holdId.padStart(2, '0')}`,
  destination: 'CN',
  location: `H-01-${holdId.padStart(2, '0')}`,
  reasons: [{ code: 'ID_MISSING', message: "No consignee ID yet: China customs need the receiver's ID." }],
  heldAt: NOW - days * DAY_MS,
  ...extra,
});
const groups = groupHoldsByAge([rec('1', 1), rec('2', 5), rec('3', 31, { waybill: null, destination: null, reasons: [{ code: 'NO_PREALERT', message: 'No pre-alert.' }] }), rec('4', 4)], NOW);
const noop = () => undefined;

describe('HoldShelfPanel (server-rendered markup)', () => {
  const html = renderToStaticMarkup(createElement(HoldShelfPanel, { groups, onRelease: noop, onConvertToReturn: noop, formatTime: () => 'T' }));

  it('lists non-empty buckets oldest first, with their holds', () => {
    const buckets = [...html.matchAll(/data-testid="hold-bucket" data-bucket="([a-z_]+)"/g)].map((m) => m[1]);
    expect(buckets).toEqual(['expired', 'chase', 'new']);
    const rows = [...html.matchAll(/data-testid="hold-row" data-hold-id="(\d)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['3', '2', '4', '1']);
  });

  it('shows location, waybill (or "no manifest"), destination, age and every reason in words', () => {
    expect(html).toContain('H-01-02');
    expect(html).toContain('<em>no manifest</em>');
    expect(html).toContain('China');
    expect(html).toContain('5 days');
    expect(html).toContain('No consignee ID yet: China customs need the receiver&#x27;s ID.');
    expect(html).toContain('Over 30 days: return to sender');
    expect(html).toContain('data-testid="hold-count">4 parcels');
  });

  it('starts with nothing selected, so both batch buttons are disabled', () => {
    expect(html).toMatch(/data-testid="hold-release" disabled=""/);
    expect(html).toMatch(/data-testid="hold-return" disabled=""/);
  });

  it('an empty shelf says so and shows no buttons', () => {
    const empty = renderToStaticMarkup(createElement(HoldShelfPanel, { groups: groupHoldsByAge([], NOW), onRelease: noop, onConvertToReturn: noop }));
    expect(empty).toContain('Nothing on the hold shelf.');
    expect(empty).not.toContain('hold-release');
  });
});

describe('selection logic', () => {
  it('toggles single holds', () => {
    const a = toggleHold(new Set(), '1');
    expect([...a]).toEqual(['1']);
    expect([...toggleHold(a, '1')]).toEqual([]);
  });
  it('a bucket checkbox selects all its holds, or clears them when all were selected', () => {
    const chase = groups.find((g) => g.bucket === 'chase');
    if (!chase) throw new Error('fixture');
    const all = toggleBucket(new Set(['1']), chase);
    expect([...all].sort()).toEqual(['1', '2', '4']);
    expect([...toggleBucket(all, chase)]).toEqual(['1']);
  });
  it('drops holds that left the shelf', () => {
    expect([...pruneSelection(new Set(['1', 'gone']), groups)]).toEqual(['1']);
  });
  it.each([
    [[], 'a good note', false, false],
    [['1'], 'ok', false, false],
    [['1'], '  ok  ', false, false],
    [['1'], 'ID came', true, false],
    [['1'], 'ID came', false, true],
  ] as const)('selected %j, note "%s", busy %s → can submit %s', (ids, note, busy, expected) => {
    expect(canSubmitBatch(new Set(ids), note, busy)).toBe(expected);
  });
  it('ages in words', () => {
    expect([0, 1, 12].map(ageText)).toEqual(['today', '1 day', '12 days']);
  });
});
