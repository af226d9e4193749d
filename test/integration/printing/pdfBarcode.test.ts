/**
 * Acceptance: each PDF renders, rasterises with pdftoppm (as a printer driver would) and its Code 128 decodes
 * with @zxing/library back to the waybill (or, without a pre-alert, the inbound tracking number).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/printing/renderDocument.ts';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { testLabelModel } from '../../../shared/printing/testLabelModel.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { decodeCode128, rasterisePdf } from '../../unit/printing/support/rasterise.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

const cases: Array<[string, () => DocumentModel, string]> = [
  ['relabel', () => must(relabelModel(acceptedIntake(), STATION, NOW)), 'APELAX1040039963'],
  ['relabel reprint', () => must(relabelModel(acceptedIntake(), STATION, NOW, { copy: 2 })), 'APELAX1040039963'],
  ['return slip', () => must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW)), 'APELAX1040039963'],
  ['return slip without pre-alert', () => must(returnSlipModel(returnedIntake({ manifest: null }), null, STATION, NOW)), '1Z999AA10123456784'],
  ['test label', () => testLabelModel({ kind: 'pdf-cups', printerName: 'Office', media: 'label' }, STATION, 'maria', NOW), 'ECMSTESTLAX'],
];

describe('PDF 4×6 in: rasterised and scanned back', () => {
  it.each(cases)('%s', async (_name, make, expected) => {
    const pdf = must(await renderDocument(make(), { format: 'pdf' }));
    expect(pdf.format).toBe('pdf');
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    for (const dpi of [203, 300]) {
      const image = await rasterisePdf(pdf.bytes, dpi);
      expect(image.width).toBe(Math.round(4 * dpi));
      expect(decodeCode128(image), `${dpi} dpi`).toBe(expected);
    }
  });

  it('prints characters Helvetica lacks as "?" and says which', async () => {
    const intake = acceptedIntake({ manifest: { ...acceptedIntake().manifest!, consigneeName: '王小明 (Wang Xiaoming)' } });
    const pdf = must(await renderDocument(must(relabelModel(intake, STATION, NOW)), { format: 'pdf' }));
    expect(pdf.replaced).toEqual(['王', '小', '明']);
    expect(decodeCode128(await rasterisePdf(pdf.bytes, 203))).toBe('APELAX1040039963');
  });

  it('is byte-for-byte the same for the same document (reprints and tests are reproducible)', async () => {
    const model = must(relabelModel(acceptedIntake(), STATION, NOW));
    const a = must(await renderDocument(model, { format: 'pdf' }));
    const b = must(await renderDocument(model, { format: 'pdf' }));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
