/**
 * Reads the rate-card and prohibited-rules documents from the station's reference_docs table (SQL in
 * electron/db/queries/referenceDocs.ts) and parses their JSON bodies. Parsed rule data is cached per row (kind, doc_id,
 * version, updated_at, body text), so a verdict does not re-validate unchanged documents; any change to a row is a
 * cache miss.
 */
import type { Database } from 'better-sqlite3';
import { readRuleDocRows, type ReferenceDocRow } from '../db/queries/referenceDocs.ts';
import { parseReferenceDocs, type ParsedReferenceData, type ReferenceDocInput, type RuleContextError } from '../../shared/rules/ruleContext.ts';

const UNREADABLE = Symbol('unreadable JSON');

let cache: { key: string; data: ParsedReferenceData } | null = null;

function cacheKey(rows: readonly ReferenceDocRow[]): string {
  return rows.map((r) => `${r.kind}\u0000${r.doc_id}\u0000${r.version}\u0000${r.updated_at}\u0000${r.body_json.length}\u0000${r.body_json}`).join('\u0001');
}

/** Every rateCard / prohibitedRules row, validated; a row with unreadable JSON or a failing schema is an error. */
export function loadReferenceData(db: Database): { ok: true; data: ParsedReferenceData } | { ok: false; error: RuleContextError } {
  const rows = readRuleDocRows(db);
  const key = cacheKey(rows);
  if (cache && cache.key === key) return { ok: true, data: cache.data };
  const docs: ReferenceDocInput[] = [];
  for (const r of rows) {
    let body: unknown;
    try {
      body = JSON.parse(r.body_json) as unknown;
    } catch {
      body = UNREADABLE;
    }
    if (body === UNREADABLE) {
      return { ok: false, error: { code: 'REFERENCE_DOC_CORRUPT', docId: r.doc_id, message: `Reference document ${r.kind} ${r.doc_id} (version ${r.version}) is not readable JSON.` } };
    }
    docs.push({ kind: r.kind, docId: r.doc_id, version: r.version, body });
  }
  const parsed = parseReferenceDocs(docs);
  if (parsed.ok) cache = { key, data: parsed.data };
  return parsed;
}
