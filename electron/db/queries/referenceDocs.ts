/**
 * SQL for reference_docs (migration 0020): rate cards and prohibited-goods rule sets. The upsert is written once and
 * used by the demo seed and the sync pull alike; its statement is prepared once per database handle.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ReferenceDoc } from '../../../shared/sync/referenceDoc.ts';
import { prepared } from '../statementCache.ts';

/** A reference_docs row as stored; the body stays JSON text for the rules engine to validate (shared/rules). */
export interface ReferenceDocRow {
  readonly kind: string;
  readonly doc_id: string;
  readonly version: string;
  readonly body_json: string;
  readonly updated_at: number;
}

const upserts = new WeakMap<Database, Statement<[string, string, string, string, number]>>();

function upsertStatement(db: Database): Statement<[string, string, string, string, number]> {
  let s = upserts.get(db);
  if (!s) {
    s = prepared(db,
      `INSERT INTO reference_docs (kind, doc_id, version, body_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, doc_id) DO UPDATE SET version = excluded.version, body_json = excluded.body_json, updated_at = excluded.updated_at`,
    );
    upserts.set(db, s);
  }
  return s;
}

/** Inserts or replaces one reference document (a rate card, a prohibited-goods rule set). */
export function upsertReferenceDoc(db: Database, doc: ReferenceDoc, at: number): void {
  upsertStatement(db).run(doc.kind, doc.docId, doc.version, JSON.stringify(doc.body), at);
}

export function countReferenceDocs(db: Database): number {
  return (prepared(db, 'SELECT count(*) AS n FROM reference_docs').get() as { n: number }).n;
}

export function deleteReferenceDocsOfKind(db: Database, kind: ReferenceDoc['kind']): void {
  prepared(db, 'DELETE FROM reference_docs WHERE kind = ?').run(kind);
}

/** Every rate-card and prohibited-rules row, in (kind, doc_id) order. */
export function readRuleDocRows(db: Database): ReferenceDocRow[] {
  return prepared(db, "SELECT kind, doc_id, version, body_json, updated_at FROM reference_docs WHERE kind IN ('rateCard','prohibitedRules') ORDER BY kind, doc_id")
    .all() as ReferenceDocRow[];
}
