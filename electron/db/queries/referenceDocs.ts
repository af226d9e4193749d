import type { Database } from 'better-sqlite3';
import type { ReferenceDoc } from '../../../shared/sync/referenceDoc.ts';

/** Inserts or replaces one reference document (a rate card, a prohibited-goods rule set). */
export function upsertReferenceDoc(db: Database, doc: ReferenceDoc, at: number): void {
  db.prepare(
    `INSERT INTO reference_docs (kind, doc_id, version, body_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, doc_id) DO UPDATE SET version = excluded.version, body_json = excluded.body_json, updated_at = excluded.updated_at`,
  ).run(doc.kind, doc.docId, doc.version, JSON.stringify(doc.body), at);
}

export function countReferenceDocs(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM reference_docs').get() as { n: number }).n;
}
