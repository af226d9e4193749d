import { describe, expect, it } from 'vitest';
import { decodeZplCode128Data, planCode128 } from '../../../shared/printing/code128.ts';
import type { ZplDpi } from '../../../shared/printing/documentKinds.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { renderZpl } from '../../../shared/printing/zplRenderer.ts';
import { zplFieldText } from '../../../shared/printing/zplText.ts';
import { nativeTextArt } from '../../../electron/printing/fonts/nativeTextArt.ts';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from './support/parcels.ts';

function zplOf(model: DocumentModel, dpi: ZplDpi): string {
  const layout = layoutDocument(model);
  if (!layout.ok) throw new Error(layout.error.message);
  const zpl = renderZpl(layout.value, dpi, nativeTextArt);
  if (!zpl.ok) throw new Error(zpl.error.message);
  return zpl.value;
}

function relabel(): DocumentModel {
  const m = relabelModel(acceptedIntake(), STATION, NOW);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

function slip(): DocumentModel {
  const m = returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

const SIZE: Record<ZplDpi, { pw: number; ll: number; module: number }> = {
  203: { pw: 812, ll: 1218, module: 3 },
  300: { pw: 1200, ll: 1800, module: 4 },
};

describe.each([203, 300] as const)('ZPL at %i dpi', (dpi) => {
  it.each([['relabel', relabel], ['return slip', slip]] as const)('%s: one 4×6 in label, UTF-8, the waybill as Code 128 mode N', (_name, make) => {
    const zpl = zplOf(make(), dpi);
    expect(zpl.startsWith('^XA\n^CI28\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl).toContain(`^PW${SIZE[dpi].pw}\n^LL${SIZE[dpi].ll}\n`);
    expect(zpl.indexOf('^CI28')).toBeLessThan(zpl.indexOf('^FD'));

    const barcodes = [...zpl.matchAll(/\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD([^^]*)\^FS/g)];
    expect(barcodes).toHaveLength(1);
    const [, x, , module, , data] = barcodes[0] ?? [];
    expect(decodeZplCode128Data(data ?? '')).toBe('APELAX1040039963');
    expect(Number(module)).toBe(SIZE[dpi].module);
    // the bars and both 10-module quiet zones lie on the label
    const width = planCode128('APELAX1040039963').modules * Number(module);
    expect(Number(x) - 10 * Number(module)).toBeGreaterThanOrEqual(0);
    expect(Number(x) + width + 10 * Number(module)).toBeLessThanOrEqual(SIZE[dpi].pw);

    for (const [, fx, fy] of zpl.matchAll(/\^FO(\d+),(\d+)/g)) {
      expect(Number(fx)).toBeLessThan(SIZE[dpi].pw);
      expect(Number(fy)).toBeLessThan(SIZE[dpi].ll);
    }
  });

  it('scales text and positions with the resolution', () => {
    const zpl = zplOf(relabel(), dpi);
    const heights = [...zpl.matchAll(/\^A0N,(\d+),(\d+)/g)].map((m) => Number(m[1]));
    // the 30 pt destination line
    expect(heights).toContain(Math.round((30 * dpi) / 72));
  });
});

describe('ZPL field text', () => {
  it('hex-escapes what would end a field or start a command, keeps UTF-8', () => {
    expect(zplFieldText('A^B~C_D\\E')).toBe('A_5EB_7EC_5FD_5CE');
    expect(zplFieldText('line\nbreak')).toBe('line_0Abreak');
    expect(zplFieldText('Müller 王')).toBe('Müller 王');
  });

  it('never lets a consignee name inject ZPL', () => {
    const m = relabelModel(
      acceptedIntake({ manifest: { ...acceptedIntake().manifest!, consigneeName: 'Evil ^XZ^XA^FDx~JA' } }),
      STATION,
      NOW,
    );
    if (!m.ok) throw new Error(m.error.message);
    const zpl = zplOf(m.value, 203);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~JA');
  });
});
