/**
 * Applies one page of a reference-document stream (rateCards, prohibitedRules) in ONE transaction with its cursor.
 * The envelope is validated with ReferenceDocSchema and must be of the stream's kind; the body is stored as sent
 * and validated by the rules engine (shared/rules) when it loads it. Unreadable items are quarantined.
 */
import type { Database } from 'better-sqlite3';
import { ReferenceDocSchema, type ReferenceKind } from '../../shared/sync/referenceDoc.ts';
import { ReferenceItemSchema, type PullPage, type PullStream } from '../../shared/sync/pullWire.ts';
import { deleteReferenceDocsOfKind, upsertReferenceDoc } from '../db/queries/referenceDocs.ts';
import { quarantineItem, setCursor } from '../db/queries/streamCursors.ts';

export const KIND_OF_STREAM: Record<Exclude<PullStream, 'manifests'>, ReferenceKind> = { rateCards: 'rateCard', prohibitedRules: 'prohibitedRules' };

export function applyReferencePage(db: Database, page: PullPage, kind: ReferenceKind, now: number): { applied: number; quarantined: number } {
  return db.transaction(() => {
    let applied = 0;
    let quarantined = 0;
    for (const raw of page.items) {
      const item = ReferenceItemSchema.safeParse(raw);
      const doc = item.success ? ReferenceDocSchema.safeParse(item.data.doc) : null;
      if (!doc?.success || doc.data.kind !== kind) {
        quarantineItem(db, page.stream, null, doc?.success ? `a ${doc.data.kind} in the ${kind} stream` : 'not a reference document', raw, now);
        quarantined++;
        continue;
      }
      upsertReferenceDoc(db, doc.data, now);
      applied++;
    }
    setCursor(db, page.stream, page.cursor, now);
    return { applied, quarantined };
  })();
}

export function resetReferenceStream(db: Database, stream: PullStream, kind: ReferenceKind, now: number): void {
  db.transaction(() => {
    deleteReferenceDocsOfKind(db, kind);
    setCursor(db, stream, null, now);
  })();
}
