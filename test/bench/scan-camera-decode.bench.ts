/**
 * Camera decode time per 640×480 frame: @zxing/library as the renderer uses it (label formats only, GS1 on,
 * RGBA → grey included) against zxing-wasm (zxing-cpp) side by side, on the same RGBA frames:
 *  - a GS1-128 USPS IMpb label (the common case when a label is in view),
 *  - a UPS 1Z Code 128 label,
 *  - a GS1 DataMatrix label,
 *  - a frame with no barcode (most frames of a live camera).
 * zxing-wasm runs with the same formats and textMode "Plain", once with its defaults (tryHarder, tryRotate,
 * tryInvert, tryDownscale on) and once with those off, the closer match to @zxing/library's non-try-harder mode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { rgbaToGrey, type GreyFrame } from '../../renderer/scan/luminance.ts';
import { createLabelDecoder } from '../../renderer/scan/zxingLabelDecoder.ts';
import { emptyFrame, placeOnFrame, renderBarcode, withNoise } from '../fixtures/scan/labelFrames.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

const FRAMES = 60;
const GOAL_MS = 33;

interface RgbaFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

function toRgba(frame: GreyFrame): RgbaFrame {
  const data = new Uint8ClampedArray(frame.width * frame.height * 4);
  for (let i = 0; i < frame.data.length; i++) {
    const v = frame.data[i] ?? 0;
    data.set([v, v, v, 255], i * 4);
  }
  return { data, width: frame.width, height: frame.height };
}

async function scenes(): Promise<Array<{ name: string; expect: string | null; frame: RgbaFrame }>> {
  const gs1 = await renderBarcode({ bcid: 'gs1-128', text: '(420)78745(94)00111206206406260787' });
  const ups = await renderBarcode({ bcid: 'code128', text: '1Z879E930346834440' });
  const dm = await renderBarcode({ bcid: 'gs1datamatrix', text: '(420)78745(94)00111206206406260787', scale: 4 });
  return [
    { name: 'GS1-128 IMpb', expect: '9400111206206406260787', frame: toRgba(withNoise(placeOnFrame(gs1), 12)) },
    { name: 'Code 128 1Z', expect: '1Z879E930346834440', frame: toRgba(withNoise(placeOnFrame(ups), 12)) },
    { name: 'GS1 DataMatrix', expect: '9400111206206406260787', frame: toRgba(withNoise(placeOnFrame(dm), 12)) },
    { name: 'no barcode', expect: null, frame: toRgba(emptyFrame()) },
  ];
}

async function time(decode: () => Promise<string | null> | string | null, expected: string | null): Promise<{ p50: number; p99: number; ok: boolean }> {
  const samples: number[] = [];
  let ok = true;
  for (let i = 0; i < FRAMES + 5; i++) {
    const t = performance.now();
    const text = await decode();
    const ms = performance.now() - t;
    if (i >= 5) samples.push(ms);
    if (expected === null ? text !== null : !(text ?? '').includes(expected)) ok = false;
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), ok };
}

const WASM_FORMATS: ReaderOptions['formats'] = ['Code128', 'Code39', 'ITF', 'EAN-13', 'UPC-A', 'DataMatrix', 'QRCode', 'PDF417'];

export default async function run(): Promise<BenchRow[]> {
  const require = createRequire(import.meta.url);
  const wasmBinary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer }, fireImmediately: true });

  const zxingLibrary = createLabelDecoder();
  const wasmDefault: ReaderOptions = { formats: WASM_FORMATS, textMode: 'Plain', maxNumberOfSymbols: 1 };
  const wasmFast: ReaderOptions = { ...wasmDefault, tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false };

  const rows: BenchRow[] = [];
  for (const scene of await scenes()) {
    const { frame } = scene;
    const lib = await time(() => zxingLibrary.decode(rgbaToGrey(frame.data, frame.width, frame.height))?.text ?? null, scene.expect);
    const wasm = await time(async () => (await readBarcodes(frame as unknown as ImageData, wasmDefault))[0]?.text ?? null, scene.expect);
    const wasmQuick = await time(async () => (await readBarcodes(frame as unknown as ImageData, wasmFast))[0]?.text ?? null, scene.expect);
    const label = (who: string, r: { ok: boolean }) => `camera 640×480, ${scene.name}: ${who}${r.ok ? '' : ' (WRONG/NO READ)'}`;
    rows.push(
      { name: label('@zxing/library', lib), value: lib.p99, unit: 'ms (p99)', goal: `p99 ≤ ${GOAL_MS} ms`, met: lib.ok && lib.p99 <= GOAL_MS },
      { name: label('@zxing/library', lib), value: lib.p50, unit: 'ms (p50)' },
      { name: label('zxing-wasm defaults', wasm), value: wasm.p99, unit: 'ms (p99)' },
      { name: label('zxing-wasm defaults', wasm), value: wasm.p50, unit: 'ms (p50)' },
      { name: label('zxing-wasm try* off', wasmQuick), value: wasmQuick.p99, unit: 'ms (p99)' },
      { name: label('zxing-wasm try* off', wasmQuick), value: wasmQuick.p50, unit: 'ms (p50)' },
    );
  }
  return rows;
}
