/**
 * HQ checks each station event type's payload with its own schema (issue 14, text hygiene at every boundary): every
 * event type the station's code can write must have one. The types are read from the station's sources — the
 * `type: 'X'` of each appended event and the printing and operator event unions — so a new event type without an
 * HQ schema fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOAD_SCHEMAS } from '../../../hq/ingest/eventPayloadSchemas.ts';

const electronDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

function stationEventTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of sources(electronDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btype: '([A-Z][A-Z_]+)'/g)) if (m[1]) types.add(m[1]);
    // Unions of event type names (printing, operators): `'DOCUMENT_QUEUED' | 'DOCUMENT_PRINTED' …`.
    for (const union of text.matchAll(/export type \w*Event\w*Type\s*=([^;]+);/g)) {
      for (const m of (union[1] ?? '').matchAll(/'([A-Z][A-Z_]+)'/g)) if (m[1]) types.add(m[1]);
    }
  }
  return types;
}

describe('HQ has a payload schema for every event type a station writes', () => {
  it('finds the station event types, and each has its own schema at HQ', () => {
    const types = stationEventTypes();
    for (const known of ['INTAKE_SCANNED', 'VERDICT_COMMITTED', 'HOLD_PLACED', 'DOCUMENT_VOIDED', 'DOCUMENT_PRINTED']) expect(types).toContain(known);
    const missing = [...types].filter((t) => !Object.hasOwn(EVENT_PAYLOAD_SCHEMAS, t));
    expect(missing).toEqual([]);
  });

  it('the printing schemas take what the station writes and refuse a payload missing its job', () => {
    const queued = { jobId: 'j1', document: 'relabel', reason: 'auto', copy: 1, subject: 'APELAX1040000101', printer: null, waitingFor: null };
    expect(EVENT_PAYLOAD_SCHEMAS['DOCUMENT_QUEUED']?.safeParse(queued).success).toBe(true);
    expect(EVENT_PAYLOAD_SCHEMAS['DOCUMENT_VOIDED']?.safeParse({ jobId: 'j1', document: 'relabel', copy: 1, state: 'done', reason: 'verdict changed' }).success).toBe(true);
    expect(EVENT_PAYLOAD_SCHEMAS['DOCUMENT_VOIDED']?.safeParse({ document: 'relabel', copy: 1, state: 'done', reason: 'x' }).success).toBe(false);
    expect(EVENT_PAYLOAD_SCHEMAS['DOCUMENT_PRINTED']?.safeParse({ ...queued, by: 'robot', voided: false }).success).toBe(false);
  });
});
