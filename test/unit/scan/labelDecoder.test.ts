/**
 * The renderer's @zxing/library decoder on label images rendered with bwip-js, in plain Node: every label symbology
 * decodes, GS1 data keeps its FNC1 information, and the decoded text classifies as the right parcel id.
 */
import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../shared/barcode/classifyScan.ts';
import { rgbaToGrey, rotateGreyClockwise } from '../../../renderer/scan/luminance.ts';
import { downscaleGrey, searchLabelImage } from '../../../renderer/scan/searchLabelImage.ts';
import { createLabelDecoder } from '../../../renderer/scan/zxingLabelDecoder.ts';
import { emptyFrame, placeOnFrame, renderBarcode, withNoise } from '../../fixtures/scan/labelFrames.ts';

const GS = '\u001d';
const decoder = createLabelDecoder();

describe('createLabelDecoder on 640×480 frames', () => {
  const cases = [
    { name: 'UPS 1Z in Code 128', spec: { bcid: 'code128', text: '1Z879E930346834440' }, text: '1Z879E930346834440', format: 'CODE_128', kind: 'ups_1z' },
    { name: 'USPS IMpb in GS1-128', spec: { bcid: 'gs1-128', text: '(420)78745(94)00111206206406260787' }, text: `]C142078745${GS}9400111206206406260787`, format: 'CODE_128', kind: 'usps_impb' },
    { name: 'SSCC in GS1-128', spec: { bcid: 'gs1-128', text: '(00)000123450000000027' }, text: ']C100000123450000000027', format: 'CODE_128', kind: 'sscc18' },
    { name: 'ECMS waybill in Code 39', spec: { bcid: 'code39', text: 'APECHI1120000457' }, text: 'APECHI1120000457', format: 'CODE_39', kind: 'ecms_waybill' },
    { name: 'USPS IMpb in GS1 DataMatrix', spec: { bcid: 'gs1datamatrix', text: '(420)78745(94)00111206206406260787', scale: 4 }, text: `${GS}42078745${GS}9400111206206406260787`, format: 'DATA_MATRIX', kind: 'usps_impb' },
    { name: 'Amazon TBA in QR', spec: { bcid: 'qrcode', text: 'TBA000000000000', scale: 4 }, text: 'TBA000000000000', format: 'QR_CODE', kind: 'amazon_logistics' },
    { name: 'ECMS waybill in PDF417', spec: { bcid: 'pdf417', text: 'APELAX1040039963', scale: 2 }, text: 'APELAX1040039963', format: 'PDF_417', kind: 'ecms_waybill' },
  ] as const;

  it.each(cases)('$name', async ({ spec, text, format, kind }) => {
    const frame = withNoise(placeOnFrame(await renderBarcode(spec)), 12);
    const found = decoder.decode(frame);
    expect(found).toEqual({ text, format });
    expect(classifyScan(found?.text ?? '')).toMatchObject({ kind, valid: true });
  });

  it('finds nothing in a frame without a barcode', () => {
    expect(decoder.decode(emptyFrame())).toBeNull();
  });

  it('prefers the linear code when a frame also holds a 2D code', async () => {
    const linear = await renderBarcode({ bcid: 'code128', text: '1Z879E930346834440' });
    const matrix = await renderBarcode({ bcid: 'datamatrix', text: 'SOMETHING-ELSE', scale: 4 });
    // The Data Matrix detector searches outwards from the frame centre, so the 2D code sits in the middle.
    const frame = placeOnFrame(linear, 640, 480, { x: 118, y: 0 });
    for (let y = 0; y < matrix.height; y++) frame.data.set(matrix.data.subarray(y * matrix.width, (y + 1) * matrix.width), (200 + y) * 640 + 220);
    expect(decoder.decode(frame)?.text).toBe('1Z879E930346834440');
    expect(decoder.decodeAll(frame).map((r) => r.format)).toEqual(['CODE_128', 'DATA_MATRIX']);
  });
});

describe('searchLabelImage (photos)', () => {
  it('finds a barcode photographed sideways and in a large image', async () => {
    const code = await renderBarcode({ bcid: 'code128', text: 'APELAX1040039963', scale: 4 });
    const big = placeOnFrame(code, 2400, 1800);
    const sideways = rotateGreyClockwise(big);
    expect(searchLabelImage(sideways).map((r) => r.text)).toEqual(['APELAX1040039963']);
  });

  it('returns nothing for an image without a barcode', () => {
    expect(searchLabelImage(emptyFrame(800, 600))).toEqual([]);
  });
});

describe('grey frames', () => {
  it('converts RGBA to luma and rejects a short buffer', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]);
    expect([...rgbaToGrey(rgba, 3, 1).data]).toEqual([255, 0, 76]);
    expect(() => rgbaToGrey(rgba, 2, 2)).toThrow(RangeError);
  });

  it('rotates clockwise and downscales by box filtering', () => {
    const f = { data: new Uint8ClampedArray([1, 2, 3, 4, 5, 6]), width: 3, height: 2 };
    expect(rotateGreyClockwise(f)).toEqual({ data: new Uint8ClampedArray([4, 1, 5, 2, 6, 3]), width: 2, height: 3 });
    const d = downscaleGrey({ data: new Uint8ClampedArray([0, 100, 50, 50, 200, 200, 0, 0]), width: 4, height: 2 }, 2);
    expect(d).toEqual({ data: new Uint8ClampedArray([125, 25]), width: 2, height: 1 });
    expect(downscaleGrey(f, 10)).toBe(f);
  });
});
