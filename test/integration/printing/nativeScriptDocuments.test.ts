/**
 * The relabel for each destination with a native script, as PDF and HTML: the PDF embeds a subset of the Noto
 * Sans CJK font (small), pdftotext extracts the consignee's name in their script, and it rasterises with its
 * barcode reading back; the HTML page draws the same lines as outlines of the same font, needing no font itself.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { processLogger, setProcessLogger } from '../../../electron/log/processLogger.ts';
import { renderDocument } from '../../../electron/printing/renderDocument.ts';
import { decodeCode128, rasterisePdf } from '../../unit/printing/support/rasterise.ts';
import { NATIVE_RELABELS, demoRelabel } from './support/demoLabels.ts';

const run = promisify(execFile);

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecms-pdftext-'));
  try {
    const file = path.join(dir, 'label.pdf');
    await writeFile(file, pdf);
    return (await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(NATIVE_RELABELS)('relabel $name in PDF and HTML', (label) => {
  it('PDF: the name in its own script is extractable text, the font is a small subset, the barcode reads back', async () => {
    const model = label.model();
    const pdf = must(await renderDocument(model, { format: 'pdf' }));
    expect(pdf.replaced).toEqual([]);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
    expect(text).toContain(label.nativeName);
    if (model.document === 'relabel' && model.consigneeNative?.address) expect(text).toContain(model.consigneeNative.address.replace(/\s+/g, ''));
    // Two CJK font subsets (bold name, regular address) of a 0.8–1.6 MB font file each.
    expect(pdf.bytes.length).toBeLessThan(40_000);
    expect(decodeCode128(await rasterisePdf(pdf.bytes, 203))).toBe(label.barcode);
  });

  it('HTML: the lines are outlines of the font, titled with their text, and the page loads nothing', async () => {
    const html = new TextDecoder().decode(must(await renderDocument(label.model(), { format: 'html' })).bytes);
    expect(html).toContain(`<title>${label.nativeName}</title>`);
    expect(html).toMatch(/<g class="native" lang="(zh-Hans|zh-Hant|ja|ko)" role="img" aria-label="[^"]+"><title>[^<]+<\/title><path transform="translate\([\d.]+ [\d.]+\)" fill="#000" d="M[\d. MLQCZ-]+"\/><\/g>/);
    expect(html).not.toMatch(/@font-face|url\(|src=|href=/);
  });
});

describe('PDF size', () => {
  it('embeds only the glyphs the document uses: a CJK label is a few kB more than a Latin one', async () => {
    const latin = must(await renderDocument(demoRelabel('APELAX1110000106'), { format: 'pdf' })).bytes.length;
    for (const label of NATIVE_RELABELS) {
      const size = must(await renderDocument(label.model(), { format: 'pdf' })).bytes.length;
      expect(size, label.name).toBeGreaterThan(latin);
      expect(size - latin, label.name).toBeLessThan(30_000);
    }
  });
});

describe('a field too long for the label', () => {
  it('prints "see manifest" there and the station logs which field, in every format', async () => {
    const lines: string[] = [];
    const before = processLogger();
    setProcessLogger(pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } })));
    try {
      const model = demoRelabel('APECHI1000000201');
      for (const request of [{ format: 'zpl', dpi: 203 }, { format: 'pdf' }, { format: 'html' }] as const) {
        const doc = must(await renderDocument(model, request));
        if (request.format === 'pdf') expect((await pdfText(doc.bytes)).replace(/\s+/g, ' ')).toContain('Address in local script: see manifest');
      }
    } finally {
      setProcessLogger(before);
    }
    const logged = lines.map((l) => JSON.parse(l) as { unfitted?: string[]; format?: string; title?: string });
    expect(logged.map((l) => l.format)).toEqual(['zpl', 'pdf', 'html']);
    expect(logged.every((l) => l.unfitted?.join() === 'Address in local script' && l.title === 'ECMS waybill label APECHI1000000201')).toBe(true);
  });
});
