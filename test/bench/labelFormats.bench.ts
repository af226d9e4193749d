/**
 * Label size and render time per format, with and without CJK: the demo relabel to Singapore (Latin only) and to
 * China (王芳, name and address in Simplified Chinese), as ZPL at 203 and 300 dpi (the CJK lines as ^GF bitmaps),
 * PDF (a subset of Noto Sans CJK embedded) and HTML (the lines as font outlines). The first CJK render in a
 * process loads and parses the font; it is reported on its own, then each figure is the p50 of repeated renders
 * (ZPL bitmaps come from their cache after the first).
 */
import { renderDocument, type RenderRequest } from '../../electron/printing/renderDocument.ts';
import { demoRelabel } from '../integration/printing/support/demoLabels.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

const RENDERS = 50;
const REQUESTS: ReadonlyArray<[string, RenderRequest]> = [
  ['ZPL 203 dpi', { format: 'zpl', dpi: 203 }],
  ['ZPL 300 dpi', { format: 'zpl', dpi: 300 }],
  ['PDF', { format: 'pdf' }],
  ['HTML', { format: 'html' }],
];

export default async function run(): Promise<BenchRow[]> {
  const latin = demoRelabel('APELAX1110000106');
  const cjk = demoRelabel('APELAX1040000101');
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  const first = await renderDocument(cjk, { format: 'zpl', dpi: 203 });
  if (!first.ok) throw new Error(first.error.message);
  rows.push({ name: 'label: first CJK render in a process (font load)', value: performance.now() - t0, unit: 'ms' });
  for (const [what, request] of REQUESTS) {
    for (const [kind, model] of [['Latin', latin], ['CJK', cjk]] as const) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RENDERS; i++) {
        const start = performance.now();
        const doc = await renderDocument(model, request);
        times.push(performance.now() - start);
        if (!doc.ok) throw new Error(doc.error.message);
        bytes = doc.value.bytes.length;
      }
      rows.push({ name: `label: relabel ${kind} → ${what}, size`, value: bytes / 1000, unit: 'kB' });
      rows.push({ name: `label: relabel ${kind} → ${what} (p50)`, value: percentile(times, 50), unit: 'ms' });
    }
  }
  // A consignee not seen before: the bitmaps are drawn, not taken from the cache.
  for (const dpi of [203, 300] as const) {
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const native = cjk.document === 'relabel' && cjk.consigneeNative !== null ? { ...cjk.consigneeNative, name: `王芳${i}`, address: `${cjk.consigneeNative.address ?? ''}${i}` } : null;
      const start = performance.now();
      const doc = await renderDocument({ ...cjk, consigneeNative: native } as typeof cjk, { format: 'zpl', dpi });
      times.push(performance.now() - start);
      if (!doc.ok) throw new Error(doc.error.message);
    }
    rows.push({ name: `label: relabel CJK → ZPL ${dpi} dpi, new text (not cached) (p50)`, value: percentile(times, 50), unit: 'ms' });
  }
  return rows;
}
