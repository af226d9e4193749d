/**
 * Fuzz suite for HQ's HTTP bodies (fast-check, bounded in time), on PGlite: push bodies (envelopes, events and
 * payloads with hostile text, wrong types, nulls, deep nesting) and pull queries (cursors, limits, warehouses).
 * HQ never answers 500; every answer is either the API's reply or its typed error body; a push never blocks the
 * station: after any push, a good event with the next number is stored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { HqErrorBodySchema } from '../../../shared/sync/hqErrors.ts';
import { PushResponseSchema } from '../../../shared/sync/pushWire.ts';
import { PullResponseSchema } from '../../../shared/sync/pullWire.ts';
import { hostileText } from '../../support/hostileText.ts';
import { wireEvent } from '../sync/fixtures.ts';

/** Each property stops after this long (interrupted runs count as passed): the HQ part stays near 10 s. */
const BOUND = { numRuns: 150, interruptAfterTimeLimit: 3500 } as const;
let db: HqDb;
let app: FastifyInstance;
let token: string;
beforeAll(async () => {
  db = await openHqDb({ kind: 'memory' });
  app = buildHqServer({ db, rateLimits: { perIpPerMinute: 1_000_000, perTokenPerMinute: 1_000_000 } });
  token = (await createStationToken(db, { stationId: 'LAX-FUZZ-1', warehouse: 'LAX' })).token;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(hostileText, tie('v'), { maxKeys: 4 })),
})).v;
const TYPES = ['INTAKE_SCANNED', 'WEIGHT_CAPTURED', 'DIMENSIONS_SET', 'VERDICT_COMMITTED', 'HOLD_PLACED', 'intake.scanned', 'constructor', '__proto__'];

/** What replaces one field of a good event. */
const hostileOverride: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({ payload: value }),
    fc.record({ type: fc.oneof(fc.constantFrom(...TYPES), hostileText), payload: value }),
    fc.record({ eventId: hostileText }),
    fc.record({ commandId: value }),
    fc.record({ capturedAt: value }),
    fc.record({ payloadText: hostileText }),
    fc.record({ extra: value }),
    fc.constant({}),
);

async function lastSeq(): Promise<number> {
  const r = await db.query<{ last_seq: unknown }>("SELECT last_seq FROM stations WHERE station_id = 'LAX-FUZZ-1'");
  return Number(r.rows[0]?.last_seq ?? 0);
}

function expectTypedAnswer(status: number, body: unknown, okSchema: { safeParse(v: unknown): { success: boolean } }): void {
  expect(status).toBeLessThan(500);
  if (status === 200) expect(okSchema.safeParse(body).success).toBe(true);
  else expect(HqErrorBodySchema.safeParse(body).success).toBe(true);
}

it('push: any events, any envelope: never a 500, always a typed answer, and the queue moves on', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(hostileOverride, { minLength: 1, maxLength: 4 }), fc.context(), async (overrides, ctx) => {
      const first = (await lastSeq()) + 1;
      const events = overrides.map((o, i) => wireEvent(first + i, o));
      const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}` }, payload: { protocol: 1, stationId: 'LAX-FUZZ-1', events } });
      ctx.log(res.body.slice(0, 300));
      expectTypedAnswer(res.statusCode, res.json(), PushResponseSchema);
      const next = (await lastSeq()) + 1;
      const good = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}` }, payload: { protocol: 1, stationId: 'LAX-FUZZ-1', events: [wireEvent(next)] } });
      expect(good.json()).toMatchObject({ ackSeq: next, rejected: [] });
    }),
    BOUND,
  );
});

it('push: any body text at all is answered with a typed error or a reply, never a 500', async () => {
  const body = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    value.map((v) => JSON.stringify(v) ?? 'null'),
    fc.record({ protocol: fc.oneof(fc.constant(1), value), stationId: fc.oneof(fc.constant('LAX-FUZZ-1'), hostileText), events: fc.oneof(value, fc.array(value, { maxLength: 3 })) }).map((v) => JSON.stringify(v)),
  );
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: text });
      let json: unknown;
      try {
        json = res.json();
      } catch {
        json = undefined;
      }
      expectTypedAnswer(res.statusCode, json, PushResponseSchema);
    }),
    BOUND,
  );
});

/** Percent-encoded bytes, invalid UTF-8 (a surrogate's CESU bytes, 0xFF) and %00 included. */
const pct = (bytes: Uint8Array) => Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const urlPart = fc.oneof(
  hostileText.map((s) => pct(new TextEncoder().encode(s))),
  fc.uint8Array({ maxLength: 30 }).map(pct),
  fc.constantFrom('%ED%A0%80', '%00', '%FF%FE', '%C0%80'),
);

it('pull: any stream, cursor, limit and warehouse is answered with a page or a typed error, never a 500', async () => {
  const q = fc.record(
    { cursor: urlPart, limit: fc.oneof(fc.nat().map(String), urlPart), warehouse: fc.oneof(fc.constantFrom('LAX', 'CHI'), urlPart), withRemaining: fc.oneof(fc.constantFrom('0', '1'), urlPart), other: urlPart },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constantFrom('manifests', 'rateCards', 'prohibitedRules'), urlPart), q, async (stream, query) => {
      const search = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&');
      const res = await app.inject({ method: 'GET', url: `/v1/pull/${stream}?${search}`, headers: { authorization: `Bearer ${token}` } });
      expectTypedAnswer(res.statusCode, res.json(), PullResponseSchema);
    }),
    BOUND,
  );
});
