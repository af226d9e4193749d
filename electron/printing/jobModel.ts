/**
 * The document a job prints: the model stored with it, with the job's mark (REPRINT after a send in doubt, VOID
 * for a void slip) applied, and the hash kept of its rendered bytes once printed.
 */
import { createHash } from 'node:crypto';
import { DocumentModelSchema, type DocumentModel } from '../../shared/printing/documentModel.ts';
import type { PrintJobRow } from './printJobRow.ts';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The job's document model with its mark, or null when the stored model cannot be read. */
export function jobModel(row: Pick<PrintJobRow, 'model_json' | 'mark'>): DocumentModel | null {
  const model = DocumentModelSchema.safeParse(parseJson(row.model_json));
  if (!model.success) return null;
  return row.mark === null ? model.data : { ...model.data, mark: row.mark };
}

export function bodyHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
