/**
 * Imports reference documents (rate cards, prohibited-goods rule sets) from a ReferenceDocFile: the envelope and
 * every body are validated first (all or nothing); new or changed documents take new version numbers so stations
 * pull them; identical documents change nothing.
 */
import { z } from 'zod';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { takeChangeLock } from '../streams/changeLock.ts';
import { ReferenceDocFileSchema, type ReferenceDoc } from '../../shared/sync/referenceDoc.ts';
import { validateReferenceBody } from './referenceBodyValidators.ts';
import { importTextProblem } from './importTextCheck.ts';

export interface ReferenceImportResult {
  readonly stored: number;
  readonly unchanged: number;
}

export function readReferenceFile(text: string, fileName: string): ReferenceDoc[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HqError('INVALID_REQUEST', `${fileName}: not JSON (${(err as Error).message})`);
  }
  const unclean = importTextProblem(json);
  if (unclean !== null) throw new HqError('INVALID_REQUEST', `${fileName}: ${unclean}`);
  const file = ReferenceDocFileSchema.safeParse(json);
  if (!file.success) throw new HqError('INVALID_REQUEST', `${fileName}: ${z.prettifyError(file.error).replace(/\n/g, '; ')}`);
  const problems: string[] = [];
  const seen = new Set<string>();
  file.data.docs.forEach((doc, i) => {
    const key = `${doc.kind}/${doc.docId}`;
    if (seen.has(key)) problems.push(`docs[${i}] ${key}: appears twice`);
    seen.add(key);
    const v = validateReferenceBody(doc.kind, doc.body);
    if (!v.ok) problems.push(`docs[${i}] ${key}: ${v.message}`);
  });
  if (problems.length > 0) throw new HqError('INVALID_REQUEST', `${fileName}: ${problems.join(' | ')}`);
  return file.data.docs;
}

export async function importReferenceDocs(db: HqDb, docs: readonly ReferenceDoc[]): Promise<ReferenceImportResult> {
  return db.transaction(async (tx) => {
    await takeChangeLock(tx);
    let stored = 0;
    for (const doc of docs) {
      const res = await tx.query(
        `INSERT INTO reference_docs AS d (kind, doc_id, doc_version, body, version)
         VALUES ($1, $2, $3, $4::jsonb, nextval('change_version'))
         ON CONFLICT (kind, doc_id) DO UPDATE
            SET doc_version = EXCLUDED.doc_version, body = EXCLUDED.body, version = EXCLUDED.version, updated_at = now()
          WHERE d.body IS DISTINCT FROM EXCLUDED.body OR d.doc_version IS DISTINCT FROM EXCLUDED.doc_version`,
        [doc.kind, doc.docId, doc.version, JSON.stringify(doc.body)],
      );
      stored += res.affected;
    }
    return { stored, unchanged: docs.length - stored };
  });
}
