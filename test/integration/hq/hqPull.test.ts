import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from './hqBackends.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import { importReferenceDocs } from '../../../hq/admin/importReference.ts';
import { recordConsigneeId, recordDuties } from '../../../hq/admin/recordStatus.ts';
import { resetStream } from '../../../hq/admin/resetStream.ts';
import { PullResponseSchema, type PullResponse } from '../../../shared/sync/pullWire.ts';
import { makeManifest, makeProhibitedDoc, makeRateCardDoc } from '../sync/fixtures.ts';

async function pull(app: FastifyInstance, token: string, stream: string, q: Record<string, string> = {}): Promise<{ status: number; page: PullResponse | null; body: unknown }> {
  const qs = new URLSearchParams(q).toString();
  const res = await app.inject({ method: 'GET', url: `/v1/pull/${stream}${qs ? `?${qs}` : ''}`, headers: { authorization: `Bearer ${token}` } });
  const body: unknown = res.json();
  const parsed = PullResponseSchema.safeParse(body);
  return { status: res.statusCode, page: parsed.success ? parsed.data : null, body };
}

function page(p: PullResponse | null) {
  if (!p || p.reset) throw new Error(`expected a page, got ${JSON.stringify(p)}`);
  return p;
}

describeEachBackend('HQ pull', (h) => {
  async function setup() {
    const app = buildHqServer({ db: h.db });
    const lax = (await createStationToken(h.db, { stationId: 'LAX-01', warehouse: 'LAX' })).token;
    const chi = (await createStationToken(h.db, { stationId: 'CHI-01', warehouse: 'CHI' })).token;
    await importManifestEntries(h.db, [
      ...Array.from({ length: 25 }, (_, i) => makeManifest(i, 'LAX')),
      ...Array.from({ length: 7 }, (_, i) => makeManifest(i, 'CHI')),
    ]);
    return { app, lax, chi };
  }

  it('pages manifests of the token\'s warehouse only, until up to date, and resumes from a cursor', async () => {
    const { app, lax, chi } = await setup();
    const waybills: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let remainingFirst: number | undefined;
    for (;;) {
      const p = page((await pull(app, lax, 'manifests', { limit: '10', ...(cursor ? { cursor } : { withRemaining: '1' }) })).page);
      if (pages === 0) remainingFirst = p.remaining;
      pages++;
      for (const item of p.items) waybills.push((item as { entry: { waybill: string; warehouse: string } }).entry.waybill);
      cursor = p.cursor;
      if (p.upToDate) break;
    }
    expect(pages).toBe(3);
    expect(remainingFirst).toBe(15);
    expect(new Set(waybills).size).toBe(25);
    expect(waybills.every((w) => w.startsWith('APELAX'))).toBe(true);
    const again = page((await pull(app, lax, 'manifests', { cursor: cursor ?? '' })).page);
    expect(again.items).toEqual([]);
    expect(again.upToDate).toBe(true);
    const chiAll = page((await pull(app, chi, 'manifests')).page);
    expect(chiAll.items).toHaveLength(7);
  });

  it('refuses a LAX token asking for CHI, and resets a cursor from another warehouse', async () => {
    const { app, lax, chi } = await setup();
    const forbidden = await pull(app, lax, 'manifests', { warehouse: 'CHI' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const chiCursor = page((await pull(app, chi, 'manifests')).page).cursor;
    const r = await pull(app, lax, 'manifests', { cursor: chiCursor });
    expect(r.page).toMatchObject({ reset: true });
    expect((await pull(app, lax, 'nonsense')).status).toBe(404);
    expect((await pull(app, 'ecms1_0000000000000000_' + 'A'.repeat(43), 'manifests')).status).toBe(401);
  });

  it('sends only new statuses to a station that holds the entry, and whole entries to a new one', async () => {
    const { app, lax } = await setup();
    const first = page((await pull(app, lax, 'manifests', { limit: '1000' })).page);
    const wb = makeManifest(4, 'LAX').waybill;
    expect((await recordConsigneeId(h.db, wb, 'received')).changed).toBe(true);
    expect((await recordConsigneeId(h.db, wb, 'received')).changed).toBe(false);
    await recordDuties(h.db, wb, 'paid');
    const next = page((await pull(app, lax, 'manifests', { cursor: first.cursor })).page);
    expect(next.items).toEqual([{ op: 'status', waybill: wb, consigneeIdStatus: 'received', dutiesStatus: 'paid' }]);
    const fresh = page((await pull(app, lax, 'manifests', { limit: '1000' })).page);
    const entry = fresh.items.map((i) => (i as { entry: { waybill: string; consigneeIdStatus: string } }).entry).find((e) => e.waybill === wb);
    expect(entry?.consigneeIdStatus).toBe('received');
    await expect(recordConsigneeId(h.db, 'APELAXNOSUCH1', 'received')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await h.db.query('SELECT * FROM status_changes');
    expect(audit.rows).toHaveLength(2);
  });

  it('re-imports idempotently and sends a changed entry again', async () => {
    const { app, lax } = await setup();
    const first = page((await pull(app, lax, 'manifests', { limit: '1000' })).page);
    const same = await importManifestEntries(h.db, [makeManifest(1, 'LAX')]);
    expect(same).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const changed = await importManifestEntries(h.db, [makeManifest(1, 'LAX', { consigneeName: 'New Name' })]);
    expect(changed.updated).toBe(1);
    const next = page((await pull(app, lax, 'manifests', { cursor: first.cursor })).page);
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ op: 'upsert', entry: { consigneeName: 'New Name' } });
    await expect(importManifestEntries(h.db, [makeManifest(1, 'CHI', { waybill: makeManifest(1, 'LAX').waybill })])).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('orders a reset after reset-stream, and for cursors it cannot read', async () => {
    const { app, lax } = await setup();
    const first = page((await pull(app, lax, 'manifests', { limit: '1000' })).page);
    expect((await pull(app, lax, 'manifests', { cursor: 'garbage' })).page).toMatchObject({ reset: true });
    await resetStream(h.db, 'manifests', 'LAX', 'test');
    expect((await pull(app, lax, 'manifests', { cursor: first.cursor })).page).toMatchObject({ reset: true, stream: 'manifests' });
    const restart = page((await pull(app, lax, 'manifests', { limit: '1000' })).page);
    expect(restart.items).toHaveLength(25);
    expect(page((await pull(app, lax, 'manifests', { cursor: restart.cursor })).page).items).toHaveLength(0);
  });

  it('serves rate cards and prohibited-goods rules as separate streams', async () => {
    const { app, lax, chi } = await setup();
    const r = await importReferenceDocs(h.db, [makeRateCardDoc('card-a-CN', '1'), makeRateCardDoc('card-b-CN', '1'), makeProhibitedDoc('rules-all', '3')]);
    expect(r).toEqual({ stored: 3, unchanged: 0 });
    expect(await importReferenceDocs(h.db, [makeRateCardDoc('card-a-CN', '1')])).toEqual({ stored: 0, unchanged: 1 });
    const cards = page((await pull(app, lax, 'rateCards')).page);
    expect(cards.items.map((i) => (i as { doc: { docId: string } }).doc.docId).sort()).toEqual(['card-a-CN', 'card-b-CN']);
    const rules = page((await pull(app, chi, 'prohibitedRules')).page);
    expect(rules.items).toEqual([{ op: 'upsert', doc: makeProhibitedDoc('rules-all', '3') }]);
    await importReferenceDocs(h.db, [makeRateCardDoc('card-a-CN', '2')]);
    const next = page((await pull(app, lax, 'rateCards', { cursor: cards.cursor })).page);
    expect(next.items).toEqual([{ op: 'upsert', doc: makeRateCardDoc('card-a-CN', '2') }]);
  });
});
