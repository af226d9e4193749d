import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../../hq/admin/csv.ts';
import { readManifestFile } from '../../../hq/admin/manifestFile.ts';
import { decodeCursor, encodeCursor } from '../../../hq/streams/streamCursor.ts';
import { classifyEvent } from '../../../hq/ingest/classifyEvents.ts';
import { splitStatements, loadHqMigrations } from '../../../hq/db/migrateHq.ts';
import { readReferenceFile } from '../../../hq/admin/importReference.ts';
import { makeProhibitedDoc, makeRateCardDoc } from '../../integration/sync/fixtures.ts';
import { REPO_ROOT } from '../../integration/sync/hqProcess.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const HEADER =
  'waybill,warehouse,destination,inbound_tracking,declared_weight,dimensions,consignee_name,consignee_id_status,duties_status,shipper_name,shipper_address,reference,estimate_minor,currency,item_description,item_hs_code,item_quantity,item_value_minor,item_currency';

describe('CSV reader', () => {
  it('handles quotes, escaped quotes, CRLF, BOM and empty fields', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi"""\n,\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['', ''],
    ]);
    expect(parseCsv('a\n"multi\nline",2\nz').map((r) => r.line)).toEqual([1, 2, 4]);
    expect(() => parseCsv('"open')).toThrow(/not closed/);
  });
  it('refuses malformed CSV with a message naming the line, never reading it as other text', () => {
    expect(() => parseCsv('a,b\n"abc"x,1\n')).toThrow(/^CSV line 2: text follows a closing quote/);
    expect(() => parseCsv('a\nb\nab"c\n')).toThrow(/^CSV line 3: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n\n"open\nstill open')).toThrow(/^CSV line \d: a quoted field is not closed/);
    expect(() => parseCsv('a\n"x\r\ny"\n"abc"x')).toThrow(/^CSV line 4: /);
    expect(() => parseCsv('a\n"abc"x')).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
  });
  it('reads mixed line ends and blank lines with each row\'s starting line', () => {
    expect(parseCsv('h1,h2\r\n1,2\n\n3,"x\r\ny"\r4,5').map((r) => [r.line, r.fields])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['1', '2']],
      [4, ['3', 'x\r\ny']],
      [6, ['4', '5']],
    ]);
  });
  it('round-trips any grid of fields', () => {
    const field = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (grid) => {
        const text = grid.map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(grid);
      }),
    );
  });
});

describe('manifest import files', () => {
  it('reads one row per item into one entry per waybill', () => {
    const csv = [
      HEADER,
      'APELAX1040039963,LAX,CN,1Z999AA10123456784|TBA123456789012,3.2 lb,12x10x8 in,Li Wei,missing,unpaid,Amazon,"1 Way, Seattle",111-1,2540,USD,Gummies,2106,2,1999,USD',
      'APELAX1040039963,LAX,CN,1Z999AA10123456784|TBA123456789012,3.2 lb,12x10x8 in,Li Wei,missing,unpaid,Amazon,"1 Way, Seattle",111-1,2540,USD,Socks,,1,500,USD',
    ].join('\n');
    const r = readManifestFile(csv, 'm.csv');
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ waybill: 'APELAX1040039963', inboundTracking: ['1Z999AA10123456784', 'TBA123456789012'], pieceCount: 1 });
    expect(r.entries[0]?.items.map((i) => i.description)).toEqual(['Gummies', 'Socks']);
  });
  it('reports every problem with its line and imports nothing', () => {
    const csv = [
      HEADER,
      'APELAX1,LAX,CN,,heavy,,Li,missing,unpaid,A,B,,1,USD,G,,1,1,USD',
      'APELAX1040039964,LAX,XX,T1234,1 lb,,Li,missing,unpaid,A,B,,1,USD,G,,1,1,USD',
    ].join('\n');
    const r = readManifestFile(csv, 'm.csv');
    expect(r.problems.map((p) => p.source)).toEqual(['m.csv:2', 'm.csv:3']);
    expect(readManifestFile('waybill\nX', 'm.csv').problems[0]?.message).toMatch(/missing columns/);
    expect(readManifestFile('{', 'm.json').problems[0]?.message).toMatch(/not JSON/);
    expect(readManifestFile('[{"waybill":"bad"}]', 'm.json').problems).toHaveLength(1);
    expect(readManifestFile('x', 'm.txt').problems[0]?.message).toMatch(/\.csv or \.json/);
  });
  it('validates reference files and their bodies with the rules engine\'s schemas', () => {
    expect(() => readReferenceFile('{"docs":[{"kind":"rateCard","docId":"a","version":"1","body":{}}]}', 'r.json')).toThrow(/r\.json/);
    expect(() => readReferenceFile('{"docs":[{"kind":"prohibitedRules","docId":"a","version":"1","body":{"rules":[]}}]}', 'r.json')).toThrow(/r\.json/);
    expect(readReferenceFile(JSON.stringify({ docs: [makeRateCardDoc('card-a', '1'), makeProhibitedDoc('rules', '1')] }), 'r.json')).toHaveLength(2);
    const referenceDir = path.join(REPO_ROOT, 'resources/reference');
    const shipped = readdirSync(referenceDir).filter((f) => f.endsWith('.json')).sort();
    expect(shipped).toEqual(['prohibited-rules.json', 'rate-cards-card-a.json', 'rate-cards-card-b.json']);
    const kindsOf = (f: string) => new Set(readReferenceFile(readFileSync(path.join(referenceDir, f), 'utf8'), f).map((d) => d.kind));
    expect(kindsOf('prohibited-rules.json')).toEqual(new Set(['prohibitedRules']));
    expect(kindsOf('rate-cards-card-a.json')).toEqual(new Set(['rateCard']));
    expect(kindsOf('rate-cards-card-b.json')).toEqual(new Set(['rateCard']));
    expect(() => readReferenceFile('{"docs":[]}', 'r.json')).toThrow();
  });
});

describe('pull cursors', () => {
  it('round-trip and refuse anything else', () => {
    const c = { s: 'manifests', sc: 'LAX', e: 3, n: 123 };
    expect(decodeCursor(encodeCursor(c))).toEqual({ v: 1, ...c });
    for (const bad of ['', 'garbage', Buffer.from('{"v":2}').toString('base64url'), Buffer.from('[]').toString('base64url')]) expect(decodeCursor(bad)).toBeNull();
  });
});

describe('pushed event checks', () => {
  const ok = { seq: 1, eventId: 'e', commandId: 'c', intakeId: 'i', type: 'intake.scanned', capturedAt: 1, payload: {} };
  it('accepts a valid event and refuses others with a code', () => {
    expect(classifyEvent(ok).ok).toBe(true);
    const bad = classifyEvent({ ...ok, type: '' });
    expect(bad).toMatchObject({ ok: false, value: { code: 'INVALID_EVENT', eventId: 'e' } });
    expect(classifyEvent({ seq: 2, eventId: 'x', payloadText: '{' })).toMatchObject({ ok: false, value: { code: 'PAYLOAD_NOT_JSON' } });
    expect(classifyEvent({ seq: 3, eventId: 'x', payloadOmittedBytes: 5 })).toMatchObject({ ok: false, value: { code: 'EVENT_TOO_LARGE' } });
    expect(classifyEvent({ ...ok, payload: 'y'.repeat(300_000) })).toMatchObject({ ok: false, value: { code: 'EVENT_TOO_LARGE' } });
  });
});

describe('HQ migrations', () => {
  it('are numbered files in order, each splitting into statements', async () => {
    const m = await loadHqMigrations();
    expect(m.map((x) => x.version)).toEqual([10, 20, 30, 40, 50]);
    for (const step of m) expect(splitStatements(step.sql).length).toBeGreaterThan(0);
    expect(splitStatements('-- c\nA;\nB -- x\n;\n')).toEqual(['A', 'B']);
  });
});

describe('HQ error mapping', () => {
  it('turns database outages into 503 UNAVAILABLE and framework errors into typed codes', async () => {
    const { toHqError, STATUS_OF } = await import('../../../hq/server/errorReply.ts');
    expect(toHqError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe('UNAVAILABLE');
    expect(toHqError(Object.assign(new Error('terminating connection'), { code: '57P01' })).code).toBe('UNAVAILABLE');
    expect(toHqError(Object.assign(new Error('too big'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).code).toBe('PAYLOAD_TOO_LARGE');
    expect(toHqError(Object.assign(new Error('bad json'), { statusCode: 400 })).code).toBe('INVALID_REQUEST');
    expect(toHqError(new Error('a bug')).code).toBe('INTERNAL');
    expect(STATUS_OF.UNAVAILABLE).toBe(503);
    expect(STATUS_OF.SEQ_GAP).toBe(409);
  });
});
