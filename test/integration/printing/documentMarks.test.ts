/**
 * The words a job's mark puts on the label, in every format the station prints: REPRINT on a job sent again after
 * the station stopped mid-send (its first print may have come out), VOID on the slip that voids a label. Read back
 * from the rendered bytes: the ZPL text, the PDF's text (pdftotext, as a person reading the page) and the HTML.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument, type RenderRequest } from '../../../electron/printing/renderDocument.ts';
import { jobModel } from '../../../electron/printing/jobModel.ts';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import type { JobMark } from '../../../shared/printing/printJob.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

const models: Array<[string, () => DocumentModel]> = [
  ['relabel', () => must(relabelModel(acceptedIntake(), STATION, NOW))],
  ['return slip', () => must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW))],
];

async function textOf(model: DocumentModel, request: RenderRequest): Promise<string> {
  const doc = must(await renderDocument(model, request));
  if (request.format !== 'pdf') return new TextDecoder().decode(doc.bytes);
  const temp = makeTempDir('marks');
  try {
    const file = join(temp.dir, 'label.pdf');
    writeFileSync(file, doc.bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    temp.cleanup();
  }
}

const FORMATS: RenderRequest[] = [{ format: 'zpl', dpi: 203 }, { format: 'pdf' }, { format: 'html' }];
function withMark(model: DocumentModel, mark: JobMark | null): DocumentModel {
  const marked = jobModel({ model_json: JSON.stringify(model), mark });
  if (marked === null) throw new Error('the model did not read back');
  return marked;
}

describe('marks on the label', () => {
  for (const [name, make] of models) {
    for (const request of FORMATS) {
      it(`${name} as ${request.format}: REPRINT after a send in doubt, VOID on a void slip, neither on a first print`, async () => {
        const plain = await textOf(make(), request);
        expect(plain).not.toMatch(/REPRINT|VOID/);
        expect(await textOf(withMark(make(), 'REPRINT'), request)).toContain('REPRINT');
        const voided = await textOf(withMark(make(), 'VOID'), request);
        expect(voided).toContain('VOID');
        expect(voided).not.toContain('REPRINT');
      });
    }
  }

  it('a reprint of a later copy keeps its number', async () => {
    const copy3 = must(relabelModel(acceptedIntake(), STATION, NOW, { copy: 3 }));
    expect(await textOf(withMark(copy3, 'REPRINT'), { format: 'zpl', dpi: 203 })).toContain('REPRINT 2');
  });
});
