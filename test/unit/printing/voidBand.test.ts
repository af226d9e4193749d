/**
 * The VOID band of a void slip covers the document's barcode wherever its layout puts it (issue 16: the relabel
 * barcode moved to y = 172–236 and a band at a fixed y = 130 no longer covered it): the band's rectangle contains
 * every barcode's rectangle, stays on the label, and holds its words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT, type BarcodeItem, type BoxItem, type LabelLayout, type LayoutItem } from '../../../shared/printing/labelLayout.ts';
import { layoutDocument, voidCover } from '../../../shared/printing/layoutDocument.ts';
import { VOID_BAND_MIN_HEIGHT, voidBand, type Rect } from '../../../shared/printing/layoutKit.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from './support/parcels.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

const contains = (outer: Rect, inner: Rect): boolean =>
  outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;

/** The band a VOID layout adds: its last three items, a solid box and two white lines. */
function bandOf(layout: LabelLayout): { box: BoxItem; words: LayoutItem[] } {
  const [box, ...words] = layout.items.slice(-3);
  if (box?.kind !== 'box') throw new Error('no VOID band at the end of the layout');
  return { box, words };
}

const barcodes = (layout: LabelLayout): BarcodeItem[] => layout.items.filter((i): i is BarcodeItem => i.kind === 'barcode');

const documents: Array<[string, () => DocumentModel]> = [
  ['relabel', () => must(relabelModel(acceptedIntake(), STATION, NOW))],
  ['relabel with name and address in Chinese', () => must(relabelModel(acceptedIntake(), STATION, NOW, { native: { name: '王芳', address: '北京市朝阳区建国路88号院3号楼1单元1201室' } }))],
  ['relabel reprint', () => must(relabelModel(acceptedIntake(), STATION, NOW, { copy: 3 }))],
  ['return slip', () => must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW))],
  ['return slip without pre-alert', () => must(returnSlipModel(returnedIntake({ manifest: null }), null, STATION, NOW))],
];

describe('VOID band over the barcode', () => {
  it.each(documents)('%s: the band contains the barcode, on the label, with VOID inside it', (_name, make) => {
    const model = make();
    const plain = must(layoutDocument(model));
    const voided = must(layoutDocument({ ...model, mark: 'VOID' }));
    // The void slip keeps the barcode where the plain document has it; the band is what covers it.
    expect(barcodes(voided)).toEqual(barcodes(plain));
    const { box, words } = bandOf(voided);
    const codes = barcodes(plain);
    expect(codes).toHaveLength(1);
    for (const code of codes) expect(contains(box, code), `${JSON.stringify(box)} ⊇ ${JSON.stringify(code)}`).toBe(true);
    expect(contains({ x: 0, y: 0, width: LABEL_WIDTH_PT, height: LABEL_HEIGHT_PT }, box)).toBe(true);
    expect(words.map((w) => (w.kind === 'text' ? [w.text, w.inverse] : null))).toEqual([['VOID', true], ['Do not use this label', true]]);
    for (const w of words) if (w.kind === 'text') expect(contains(box, { x: w.x, y: w.y, width: w.width, height: w.size })).toBe(true);
  });

  it('follows the barcode wherever a layout puts it, and covers several at once', () => {
    const code = (y: number, height: number, x = 14, width = 260): BarcodeItem => ({ kind: 'barcode', x, y, width, height, data: 'APELAX1040039963' });
    const arbCode = fc
      .record({ y: fc.integer({ min: 0, max: 400 }), height: fc.integer({ min: 20, max: 200 }), x: fc.integer({ min: 0, max: 40 }), width: fc.integer({ min: 100, max: 240 }) })
      .filter((c) => c.y + c.height <= LABEL_HEIGHT_PT && c.x + c.width <= LABEL_WIDTH_PT)
      .map((c) => code(c.y, c.height, c.x, c.width));
    fc.assert(
      fc.property(fc.array(arbCode, { minLength: 1, maxLength: 3 }), (codes) => {
        const layout: LabelLayout = { widthPt: LABEL_WIDTH_PT, heightPt: LABEL_HEIGHT_PT, title: 't', items: codes };
        const cover = voidCover(layout);
        const [box] = voidBand(cover, LABEL_HEIGHT_PT);
        for (const c of codes) expect(contains(box, c)).toBe(true);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(LABEL_HEIGHT_PT);
        expect(box.height).toBeGreaterThanOrEqual(VOID_BAND_MIN_HEIGHT);
      }),
    );
  });

  it('a layout without a barcode gets the band across its middle', () => {
    const cover = voidCover({ widthPt: LABEL_WIDTH_PT, heightPt: LABEL_HEIGHT_PT, title: 't', items: [] });
    const [box] = voidBand(cover, LABEL_HEIGHT_PT);
    expect(box).toMatchObject({ x: 0, width: LABEL_WIDTH_PT });
    expect(box.height).toBeGreaterThanOrEqual(VOID_BAND_MIN_HEIGHT);
    expect(box.y + box.height / 2).toBe(LABEL_HEIGHT_PT / 2);
  });
});
