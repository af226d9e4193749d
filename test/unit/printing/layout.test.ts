import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT, type LabelLayout } from '../../../shared/printing/labelLayout.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { testLabelModel } from '../../../shared/printing/testLabelModel.ts';
import { maxChars, truncate, wrap } from '../../../shared/printing/textFit.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from './support/parcels.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

function expectOnLabel(layout: LabelLayout): void {
  expect(layout.widthPt).toBe(LABEL_WIDTH_PT);
  expect(layout.heightPt).toBe(LABEL_HEIGHT_PT);
  for (const item of layout.items) {
    const height = item.kind === 'text' ? item.size : item.height;
    expect(item.x, JSON.stringify(item)).toBeGreaterThanOrEqual(0);
    expect(item.y, JSON.stringify(item)).toBeGreaterThanOrEqual(0);
    expect(item.x + item.width, JSON.stringify(item)).toBeLessThanOrEqual(LABEL_WIDTH_PT);
    expect(item.y + height, JSON.stringify(item)).toBeLessThanOrEqual(LABEL_HEIGHT_PT);
    if (item.kind === 'text') expect(Array.from(item.text).length).toBeLessThanOrEqual(maxChars(item.width, item.size, item.bold));
  }
}

describe('layouts stay on the 4×6 in label', () => {
  it('relabel, return slip, test label, with a REPRINT marker on copies', () => {
    const relabel = must(layoutDocument(must(relabelModel(acceptedIntake(), STATION, NOW, { copy: 2 }))));
    expectOnLabel(relabel);
    expect(relabel.items.some((i) => i.kind === 'text' && i.text === 'REPRINT 1' && i.inverse === true)).toBe(true);
    const first = must(layoutDocument(must(relabelModel(acceptedIntake(), STATION, NOW))));
    expect(first.items.some((i) => i.kind === 'text' && i.text.startsWith('REPRINT'))).toBe(false);
    expectOnLabel(must(layoutDocument(must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW)))));
    expectOnLabel(must(layoutDocument(testLabelModel({ kind: 'browser-print' }, STATION, 'maria', NOW))));
  });

  it('long names, addresses and many reasons are cut, never spill (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 500 }),
        fc.array(fc.string({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 12 }),
        (name, address, messages) => {
          const intake = returnedIntake({
            manifest: { ...acceptedIntake().manifest!, consigneeName: name },
            verdict: { decision: 'RETURN', reprice: null, reasons: messages.map((message) => ({ code: 'PROHIBITED', effect: 'RETURN', message })) },
          });
          const slip = must(returnSlipModel(intake, manifestEntry({ consigneeName: name, shipperAddress: address, shipperName: name }), STATION, NOW));
          expectOnLabel(must(layoutDocument(slip)));
          expectOnLabel(must(layoutDocument(must(relabelModel({ ...intake, verdict: null }, STATION, NOW)))));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says how many reasons did not fit', () => {
    const reasons = Array.from({ length: 12 }, (_, i) => ({ code: 'PROHIBITED' as const, effect: 'RETURN' as const, message: `Item ${i + 1} is a power bank with a lithium battery inside it.` }));
    const layout = must(layoutDocument(must(returnSlipModel(returnedIntake({ verdict: { decision: 'RETURN', reasons, reprice: null } }), manifestEntry(), STATION, NOW))));
    expect(layout.items.some((i) => i.kind === 'text' && /^\+ \d+ more reason/.test(i.text))).toBe(true);
  });

  it('refuses a barcode that cannot be printed before anything is queued', () => {
    const model: DocumentModel = { ...testLabelModel({ kind: 'browser-print' }, STATION, 'maria', NOW), barcode: 'W'.repeat(40) };
    expect(layoutDocument(model)).toMatchObject({ ok: false, error: { code: 'BARCODE_INVALID' } });
    const bad: DocumentModel = { ...testLabelModel({ kind: 'browser-print' }, STATION, 'maria', NOW), barcode: 'A^B' };
    expect(layoutDocument(bad)).toMatchObject({ ok: false, error: { code: 'BARCODE_INVALID' } });
  });
});

describe('text fitting', () => {
  it('truncates with dots and wraps within the width and line count (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 40, max: 280 }), fc.integer({ min: 6, max: 30 }), fc.integer({ min: 1, max: 5 }), (text, width, size, lines) => {
        const most = maxChars(width, size, false);
        expect(Array.from(truncate(text, width, size, false)).length).toBeLessThanOrEqual(most);
        const wrapped = wrap(text, width, size, false, lines);
        expect(wrapped.length).toBeLessThanOrEqual(lines);
        for (const line of wrapped) expect(Array.from(line).length).toBeLessThanOrEqual(most);
      }),
    );
  });

  it('keeps every word when it fits and marks the cut when it does not', () => {
    expect(wrap('one two three four', 120, 10, false, 3)).toEqual(['one two three four']);
    expect(wrap('one two three four', 100, 10, false, 3)).toEqual(['one two three', 'four']);
    const cut = wrap('alpha beta gamma delta epsilon zeta eta theta iota kappa', 60, 10, false, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('...')).toBe(true);
  });
});
