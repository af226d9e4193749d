import { describe, expect, it } from 'vitest';
import { code128Svg } from '../../../electron/printing/barcodeImages.ts';
import { nativeTextArt } from '../../../electron/printing/fonts/nativeTextArt.ts';
import { escapeXml, renderHtml } from '../../../shared/printing/htmlRenderer.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { NOW, STATION, acceptedIntake } from './support/parcels.ts';

describe('HTML page for Electron and browser printing', () => {
  it('is exactly 4×6 in, self-contained, with the barcode as SVG and text escaped', () => {
    const intake = acceptedIntake({ manifest: { ...acceptedIntake().manifest!, consigneeName: '<script>alert(1)</script> & Co' } });
    const model = relabelModel(intake, STATION, NOW);
    if (!model.ok) throw new Error(model.error.message);
    const layout = layoutDocument(model.value);
    if (!layout.ok) throw new Error(layout.error.message);
    const html = renderHtml(layout.value, code128Svg, nativeTextArt);
    if (!html.ok) throw new Error(html.error.message);
    expect(html.value).toContain('@page{size:4in 6in;margin:0}');
    expect(html.value).not.toMatch(/<script|src=|href=/i);
    expect(html.value).toContain('&#60;script&#62;');
    expect(html.value.match(/<svg /g)?.length).toBe(2); // the page and one barcode
    expect(html.value).toMatch(/<svg x="[\d.]+" y="172" width="[\d.]+" height="64" preserveAspectRatio="none"/);
  });

  it('reports a barcode the drawing library could not draw', () => {
    const model = relabelModel(acceptedIntake(), STATION, NOW);
    if (!model.ok) throw new Error(model.error.message);
    const layout = layoutDocument(model.value);
    if (!layout.ok) throw new Error(layout.error.message);
    expect(renderHtml(layout.value, () => '', nativeTextArt)).toMatchObject({ ok: false, error: { code: 'BARCODE_INVALID' } });
    expect(escapeXml(`a"b'c`)).toBe('a&#34;b&#39;c');
  });
});
