/**
 * Names and addresses in a consignee's own script: the manifest fields (JSON and CSV import, demo data), the
 * relabel model, fitting into the label's boxes (property-tested), "see manifest" when nothing fits, and the
 * pieces the renderers share (^GF graphic fields, the scanline rasteriser, glyph outlines from the shipped fonts).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nativeTextArt } from '../../../electron/printing/fonts/nativeTextArt.ts';
import { bitmapsDrawn } from '../../../electron/printing/fonts/nativeTextArt.ts';
import { fillPolygons } from '../../../electron/printing/fonts/scanlineFill.ts';
import { DEMO_MANIFESTS_FILE } from '../../../electron/station/demoSeed.ts';
import { readManifestFile } from '../../../hq/admin/manifestFile.ts';
import { ManifestEntrySchema } from '../../../shared/manifest/manifestEntry.ts';
import { nativeScriptOf } from '../../../shared/manifest/nativeScript.ts';
import { RelabelModelSchema, type RelabelModel } from '../../../shared/printing/documentModel.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT, type TextItem } from '../../../shared/printing/labelLayout.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { bitAt } from '../../../shared/printing/nativeText.ts';
import { LINE_PITCH, fitText, widthEm } from '../../../shared/printing/nativeTextFit.ts';
import { CONSIGNEE_BOXES } from '../../../shared/printing/relabelLayout.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { zplGraphicField } from '../../../shared/printing/zplGraphic.ts';
import { NOW, STATION, acceptedIntake, manifestEntry } from './support/parcels.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

const WANG = { name: '王芳', address: '北京市朝阳区建国路88号院3号楼1单元1201室' };

function relabelWith(destination: 'CN' | 'SG' | 'KR', native: { name: string; address?: string } | null): RelabelModel {
  const intake = acceptedIntake({ manifest: { ...acceptedIntake().manifest!, destination } });
  return must(relabelModel(intake, STATION, NOW, { native }));
}

describe('the manifest carries the consignee in their own script', () => {
  it('is optional, and a name is needed for an address', () => {
    expect(ManifestEntrySchema.safeParse(manifestEntry()).success).toBe(true);
    expect(ManifestEntrySchema.parse(manifestEntry({ consigneeNative: WANG })).consigneeNative).toEqual(WANG);
    expect(ManifestEntrySchema.safeParse({ ...manifestEntry(), consigneeNative: { address: WANG.address } }).success).toBe(false);
    expect(ManifestEntrySchema.safeParse({ ...manifestEntry(), consigneeNative: { name: ' ' } }).success).toBe(false);
  });

  it('every demo parcel to CN, HK, TW, JP and KR has it, and no other', () => {
    const entries = z.array(ManifestEntrySchema).parse(JSON.parse(readFileSync(DEMO_MANIFESTS_FILE, 'utf8')));
    for (const e of entries) expect(e.consigneeNative !== undefined, e.waybill).toBe(nativeScriptOf(e.destination) !== null);
  });

  it('HQ imports it from JSON and from the CSV columns consignee_name_native / consignee_address_native', () => {
    const json = readManifestFile(JSON.stringify([manifestEntry({ consigneeNative: WANG })]), 'm.json');
    expect(json.problems).toEqual([]);
    expect(json.entries[0]?.consigneeNative).toEqual(WANG);
    const header = 'waybill,warehouse,destination,inbound_tracking,declared_weight,consignee_name,consignee_name_native,consignee_address_native,consignee_id_status,duties_status,shipper_name,shipper_address,estimate_minor,currency,item_description,item_quantity,item_value_minor,item_currency';
    const row = (wb: string, name: string, address: string) => `${wb},LAX,CN,1Z999AA10123456784,3.2 lb,Wang Fang,${name},${address},received,paid,Shop,1 Way,2150,USD,shirt,1,1500,USD`;
    const csv = readManifestFile([header, row('APELAX1040000901', WANG.name, WANG.address), row('APELAX1040000902', '', ''), row('APELAX1040000903', '', WANG.address)].join('\n'), 'm.csv');
    expect(csv.entries.map((e) => e.consigneeNative ?? null)).toEqual([WANG, null]);
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0]?.source).toBe('m.csv:4');
  });
});

describe('the relabel model', () => {
  it('takes the script from the destination, and prints none where the destination writes in Latin letters', () => {
    expect(relabelWith('CN', WANG).consigneeNative).toEqual({ script: 'zh-Hans', name: WANG.name, address: WANG.address });
    expect(relabelWith('KR', { name: '김민지' }).consigneeNative).toEqual({ script: 'ko', name: '김민지', address: null });
    expect(relabelWith('SG', WANG).consigneeNative).toBeNull();
    expect(relabelWith('CN', null).consigneeNative).toBeNull();
  });

  it('reads a job stored before the field existed as having none', () => {
    const { consigneeNative: _dropped, ...old } = relabelWith('CN', WANG);
    expect(RelabelModelSchema.parse(old).consigneeNative).toBeNull();
  });
});

const cjk = fc.constantFrom(...'王芳北京市朝阳区建国路号院楼単元室臺北東京都新宿丁目番サンプルマンション서울특별시강남구테헤란로빌딩층');
const narrow = fc.constantFrom(...'0123456789ABCxyz-#');
const piece = fc.oneof(fc.string({ unit: cjk, minLength: 1, maxLength: 12 }), fc.string({ unit: narrow, minLength: 1, maxLength: 8 }));
const fieldText = fc.array(piece, { minLength: 1, maxLength: 12 }).chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')));
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('fitting a field into its box', () => {
  it('wraps and shrinks so every line fits the width and the lines fit the height, losing nothing; or gives up', () => {
    fc.assert(
      fc.property(fieldText, fc.constantFrom(CONSIGNEE_BOXES.nativeName, CONSIGNEE_BOXES.nativeAddress, CONSIGNEE_BOXES.latinName), (text, box) => {
        const bold = 'bold' in box;
        const fit = fitText(text, box, box.maxSize, box.minSize, bold);
        if (fit === null) {
          // Nothing fits even at the smallest size: a single line of it is wider than the box allows.
          expect(widthEm(text, bold) * box.minSize).toBeGreaterThan(box.width);
          return;
        }
        expect(fit.size).toBeGreaterThanOrEqual(box.minSize);
        expect(fit.size).toBeLessThanOrEqual(box.maxSize);
        for (const line of fit.lines) expect(widthEm(line, bold) * fit.size).toBeLessThanOrEqual(box.width + 1e-9);
        expect(fit.lines.length === 1 ? fit.size : fit.lines.length * fit.size * LINE_PITCH).toBeLessThanOrEqual(box.height + 1e-9);
        expect(squash(fit.lines.join(''))).toBe(squash(text));
        // The largest size that fits is taken: one step larger does not.
        if (fit.size + 0.5 <= box.maxSize) expect(fitText(text, box, fit.size + 0.5, fit.size + 0.5, bold)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a run of digits or Latin letters on one line', () => {
    const fit = fitText('北京市朝阳区建国路1234567号', { width: 60, height: 40 }, 10, 10, false);
    expect(fit?.lines.some((l) => l.includes('1234567'))).toBe(true);
  });
});

describe('relabel layout with names in their own script', () => {
  const layoutOf = (m: RelabelModel) => must(layoutDocument(m));
  const native = (items: readonly unknown[]) => items.filter((i): i is TextItem => (i as TextItem).kind === 'text' && (i as TextItem).script !== undefined);

  it('puts the name and address in their boxes, on the label, in the destination script', () => {
    const layout = layoutOf(relabelWith('CN', WANG));
    const lines = native(layout.items);
    expect(lines.map((l) => l.text)).toEqual([WANG.name, WANG.address]);
    expect(lines.every((l) => l.script === 'zh-Hans')).toBe(true);
    for (const item of layout.items) {
      const h = item.kind === 'text' ? item.size : item.height;
      expect(item.x + item.width).toBeLessThanOrEqual(LABEL_WIDTH_PT);
      expect(item.y + h).toBeLessThanOrEqual(LABEL_HEIGHT_PT);
    }
    expect(layout.unfitted).toBeUndefined();
  });

  it('says "see manifest" where a field cannot fit, and lists it for the log', () => {
    const layout = layoutOf(relabelWith('CN', { name: '王芳', address: '北京市朝阳区建国路'.repeat(20) }));
    expect(layout.unfitted).toEqual(['Address in local script']);
    expect(layout.items.some((i) => i.kind === 'text' && i.text === 'Address in local script: see manifest' && i.script === undefined)).toBe(true);
    expect(native(layout.items).map((l) => l.text)).toEqual(['王芳']);
  });
});

describe('ZPL graphic fields and the rasteriser', () => {
  it('writes ^GFA with total bytes, bytes per row and the rows in hex', () => {
    expect(zplGraphicField({ width: 12, height: 2, rowBytes: 2, bits: new Uint8Array([0xff, 0xf0, 0x0f, 0x00]) })).toBe('^GFA,4,4,2,FFF00F00');
  });

  it('fills pixel centres inside a polygon, by the non-zero winding rule', () => {
    const square = (x: number, y: number, s: number, clockwise: boolean) => {
      const pts: Array<[number, number]> = [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
      return clockwise ? pts : pts.reverse();
    };
    const count = (b: ReturnType<typeof fillPolygons>) => {
      let n = 0;
      for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (bitAt(b, x, y)) n++;
      return n;
    };
    expect(count(fillPolygons([square(1, 1, 4, true)], 8, 8))).toBe(16);
    // A hole: the inner contour runs the other way.
    expect(count(fillPolygons([square(0, 0, 6, true), square(2, 2, 2, false)], 8, 8))).toBe(32);
    // Same direction: non-zero winding keeps it filled.
    expect(count(fillPolygons([square(0, 0, 6, true), square(2, 2, 2, true)], 8, 8))).toBe(36);
    // Half-pixel edges: centres at .5 decide.
    expect(count(fillPolygons([square(0.6, 0.6, 2, true)], 4, 4))).toBe(4);
  });

  it('draws a line from the shipped font at the size asked, never wider than its box, and caches it', () => {
    const b = nativeTextArt.bitmap('王芳', 'zh-Hans', true, 40, 400);
    expect(b.height).toBe(40);
    expect(b.width).toBe(80);
    let ink = 0;
    for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (bitAt(b, x, y)) ink++;
    expect(ink / (b.width * b.height)).toBeGreaterThan(0.15);
    const narrow = nativeTextArt.bitmap('王芳', 'zh-Hans', true, 40, 50);
    expect(narrow.width).toBeLessThanOrEqual(50);
    const drawn = bitmapsDrawn();
    expect(nativeTextArt.bitmap('王芳', 'zh-Hans', true, 40, 400)).toBe(b);
    expect(bitmapsDrawn()).toBe(drawn);
    const outline = nativeTextArt.outline('김민지', 'ko', false, 12, 200);
    // Hangul is 0.92 em in Noto Sans KR: inside the layout's 1 em estimate for wide characters.
    expect(outline.width).toBeCloseTo(3 * 0.92 * 12, 5);
    expect(outline.width).toBeLessThanOrEqual(widthEm('김민지', false) * 12);
    expect(outline.d).toMatch(/^M[\d.]+ [\d.]+/);
  });
});
