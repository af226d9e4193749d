/**
 * Proof by rendering: every ZPL label the station can produce, at 203 and 300 dpi, rendered to PNG by
 * zpl-renderer-js (saved in test-results/labels/), its barcode read back with zxing and its quiet zones measured;
 * its local-script lines found as pixels where the layout puts them, matching the same lines rasterised from the
 * PDF. Where the renderer differs from the ZPL II manual (Code 128 after a >5 switch), the test says so and the
 * label is checked against the manual's rule instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/printing/renderDocument.ts';
import { CODE128_QUIET_ZONE_MODULES, decodeZplCode128Data } from '../../../shared/printing/code128.ts';
import type { ZplDpi } from '../../../shared/printing/documentKinds.ts';
import { PT_PER_INCH, type TextItem } from '../../../shared/printing/labelLayout.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { encodePng } from '../../unit/printing/support/png.ts';
import { decodeCode128, rasterisePdf, type GreyImage } from '../../unit/printing/support/rasterise.ts';
import { renderZplImage } from '../../unit/printing/support/zplRender.ts';
import { ALL_LABELS, NATIVE_RELABELS } from './support/demoLabels.ts';
import { inkExtent, isDark, manualModules, quietZones, sumModules, withManualSymbol, zplBarcodes, zplGraphics, zplLabelWidth } from './support/zplProof.ts';

const ARTIFACTS = path.resolve('test-results/labels');
const DPIS: readonly ZplDpi[] = [203, 300];

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

function save(name: string, png: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, name), png);
}

async function zplOf(model: ReturnType<(typeof ALL_LABELS)[number]['model']>, dpi: ZplDpi): Promise<string> {
  return new TextDecoder().decode(must(await renderDocument(model, { format: 'zpl', dpi })).bytes);
}

describe('zpl-renderer-js differs from the ZPL II manual', () => {
  it('draws Code 128 after a >5 (switch to subset C) wider than the manual, and reads back other text', async () => {
    // The manual: >5 switches to subset C, each following digit pair is one 11-module symbol.
    const field = '>:APELAX>51040039963';
    const manual = manualModules(field);
    expect(manual).toBe(167);
    expect(sumModules('APELAX1040039963')).toBe(manual);
    for (const dpi of DPIS) {
      const k = dpi === 203 ? 2 : 3;
      const { image } = await renderZplImage(`^XA^PW${4 * dpi}^FO40,40^BY${k}^BCN,100,N,N,N,N^FD${field}^FS^XZ`, dpi);
      const bars = inkExtent(image, 90);
      expect(bars).not.toBeNull();
      const modules = ((bars?.right ?? 0) - (bars?.left ?? 0) + 1) / k;
      // The renderer: 222 modules (each digit after >5 drawn as its own symbol), not the manual's 167 …
      expect(modules).toBe(222);
      // … and what it draws reads back as other text than the field carries.
      expect(decodeCode128(image)).not.toBe('APELAX1040039963');
    }
  });

  it('agrees with the manual for subset B and for a subset C start (>: and >;)', async () => {
    for (const [field, text] of [['>:APELAX1040039963', 'APELAX1040039963'], ['>;1040039963', '1040039963']] as const) {
      const { image } = await renderZplImage(`^XA^PW812^FO40,40^BY2^BCN,100,N,N,N,N^FD${field}^FS^XZ`, 203);
      const bars = inkExtent(image, 90);
      expect(((bars?.right ?? 0) - (bars?.left ?? 0) + 1) / 2).toBe(manualModules(field));
      expect(decodeCode128(image)).toBe(text);
    }
  });
});

describe.each(ALL_LABELS)('ZPL label $name, rendered', (label) => {
  it.each(DPIS)('%i dpi: barcode reads back, quiet zones hold, local script is drawn where the layout says', async (dpi) => {
    const model = label.model();
    const zpl = await zplOf(model, dpi);
    const { png, image } = await renderZplImage(zpl, dpi);
    save(`${label.name}-${dpi}dpi.png`, png);
    const labelWidth = zplLabelWidth(zpl);
    expect(labelWidth).toBe(4 * dpi);

    const codes = zplBarcodes(zpl);
    expect(codes).toHaveLength(1);
    for (const code of codes) {
      const data = decodeZplCode128Data(code.field);
      expect(data).toBe(label.barcode);
      const manualDots = manualModules(code.field) * code.moduleDots;
      const quiet = CODE128_QUIET_ZONE_MODULES * code.moduleDots;
      const row = code.y + Math.floor(code.height / 2);
      if (!code.field.includes('>5')) {
        // The renderer follows the manual here: check what it drew (within the symbol and its quiet zones).
        const bars = inkExtent(image, row, code.x - quiet, code.x + manualDots + quiet - 1);
        expect(bars?.left).toBe(code.x);
        expect((bars?.right ?? 0) - (bars?.left ?? 0) + 1).toBe(manualDots);
        expect(decodeCode128(image)).toBe(data);
        const zones = quietZones(image, bars ?? { left: 0, right: 0 }, code.y, code.height, labelWidth);
        expect(zones.left).toBeGreaterThanOrEqual(quiet);
        expect(zones.right).toBeGreaterThanOrEqual(quiet);
        continue;
      }
      // The renderer draws >5 wider than the manual (see above): the bars it drew are not what a Zebra prints.
      const drawn = inkExtent(image, row);
      expect((drawn?.right ?? 0) - (drawn?.left ?? 0) + 1).toBeGreaterThan(manualDots);
      // By the manual's rule: the symbol's width from the field data, placed at ^FO, keeps its quiet zones on the label …
      expect(code.x).toBeGreaterThanOrEqual(quiet);
      expect(labelWidth - (code.x + manualDots)).toBeGreaterThanOrEqual(quiet);
      // … and the label with the manual's symbol in place of the renderer's reads back, with quiet zones free of ink.
      const manual = withManualSymbol(image, code, data, labelWidth);
      save(`${label.name}-${dpi}dpi-manual-barcode.png`, encodePng(manual));
      const bars = inkExtent(manual, row);
      expect((bars?.right ?? 0) - (bars?.left ?? 0) + 1).toBe(manualDots);
      expect(decodeCode128(manual)).toBe(data);
      const zones = quietZones(manual, bars ?? { left: 0, right: 0 }, code.y, code.height, labelWidth);
      expect(zones.left).toBeGreaterThanOrEqual(quiet);
      expect(zones.right).toBeGreaterThanOrEqual(quiet);
    }

    // Local-script lines: one ^GF per line of the layout, at its place, drawn by the renderer dot for dot.
    const layout = must(layoutDocument(model));
    const native = layout.items.filter((i): i is TextItem => i.kind === 'text' && i.script !== undefined);
    const graphics = zplGraphics(zpl);
    expect(graphics).toHaveLength(native.length);
    expect(native.length > 0).toBe(label.nativeName !== null);
    const dots = (pt: number): number => Math.round((pt * dpi) / PT_PER_INCH);
    native.forEach((item, i) => {
      const g = graphics[i];
      if (g === undefined) throw new Error('missing graphic field');
      expect(g.y).toBe(dots(item.y));
      expect(g.x).toBe(dots(item.x));
      expect(g.rowBytes * 8).toBeLessThanOrEqual(dots(item.width) + 7);
      let same = 0;
      let ink = 0;
      for (let y = 0; y < g.height; y++) {
        for (let x = 0; x < g.rowBytes * 8; x++) {
          const byte = Number.parseInt(g.hex.slice((y * g.rowBytes + (x >> 3)) * 2, (y * g.rowBytes + (x >> 3)) * 2 + 2), 16);
          const want = (byte & (0x80 >> (x & 7))) !== 0;
          if (want) ink++;
          if (want === isDark(image, g.x + x, g.y + y)) same++;
        }
      }
      expect(ink).toBeGreaterThan(0);
      expect(same / (g.rowBytes * 8 * g.height)).toBeGreaterThan(0.999);
    });
  });
});

/**
 * Share of the ink in `a` that has ink in `b` within two dots: poppler anti-aliases and hints, the ^GF bitmap
 * samples pixel centres, so strokes two or three dots wide differ by a dot at their edges.
 */
function inkCovered(a: GreyImage, b: GreyImage, box: { x: number; y: number; w: number; h: number }): { ink: number; covered: number } {
  let ink = 0;
  let covered = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      if (!isDark(a, x, y)) continue;
      ink++;
      let near = false;
      for (let dy = -2; dy <= 2 && !near; dy++) for (let dx = -2; dx <= 2 && !near; dx++) near = isDark(b, x + dx, y + dy);
      if (near) covered++;
    }
  }
  return { ink, covered };
}

describe.each(NATIVE_RELABELS)('relabel $name: the local-script name in ZPL matches the PDF', (label) => {
  it.each(DPIS)('%i dpi', async (dpi) => {
    const model = label.model();
    const layout = must(layoutDocument(model));
    const { image: zplImage } = await renderZplImage(await zplOf(model, dpi), dpi);
    const pdfImage = await rasterisePdf(must(await renderDocument(model, { format: 'pdf' })).bytes, dpi);
    save(`${label.name}-${dpi}dpi-pdf.png`, encodePng(pdfImage));
    const dots = (pt: number): number => Math.round((pt * dpi) / PT_PER_INCH);
    const lines = layout.items.filter((i): i is TextItem => i.kind === 'text' && i.script !== undefined);
    expect(lines[0]?.text).toBe(label.nativeName);
    for (const item of lines) {
      const box = { x: dots(item.x), y: dots(item.y) - 2, w: dots(item.width), h: dots(item.size) + 4 };
      const zplInPdf = inkCovered(zplImage, pdfImage, box);
      const pdfInZpl = inkCovered(pdfImage, zplImage, box);
      expect(zplInPdf.ink).toBeGreaterThan(50);
      expect(zplInPdf.covered / zplInPdf.ink, item.text).toBeGreaterThan(0.9);
      expect(pdfInZpl.covered / pdfInZpl.ink, item.text).toBeGreaterThan(0.9);
      // About as much ink in both (a missing or extra glyph would move this far more).
      expect(zplInPdf.ink / pdfInZpl.ink, item.text).toBeGreaterThan(0.7);
      expect(zplInPdf.ink / pdfInZpl.ink, item.text).toBeLessThan(1.5);
    }
  });
});
