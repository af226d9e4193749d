/**
 * Damage photos from a real station to HQ, on PGlite and on PostgreSQL: the PHOTO_TAKEN event is pushed, then the
 * file is sent and HQ stores the same bytes; a photo that cannot reach HQ is retried with backoff until it does;
 * HQ refuses a too-big, non-image or mismatching upload with a typed error.
 */
import { afterEach, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { buildHqServer, listenHq, type RunningHq } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { CommandName } from '../../../shared/contract/commandNames.ts';
import { PHOTO_MAX_BYTES } from '../../../shared/contract/photosLimits.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { sendPhoto } from '../../../renderer/photos/sendPhoto.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_OPERATOR } from '../../support/signedIn.ts';
import { makeService } from '../sync/syncHarness.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';

const STATION = 'LAX-PHOTO-1';
const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe1]);
  return bytes;
}

async function openStation(hq: { hqUrl: string; token: string } | null): Promise<Station & { dataDir: string }> {
  const temp = makeTempDir('photos-hq');
  const station = createStation({
    signedInAs: TEST_OPERATOR, dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: () => ACCEPT, settingsOverrides: { stationId: STATION, warehouse: 'LAX' }, hq,
  });
  cleanups.push(() => temp.cleanup(), () => station.close());
  return Object.assign(station, { dataDir: temp.dir });
}

async function damagedParcelWithPhotos(station: Station, photos: readonly Uint8Array[]): Promise<string[]> {
  const run = (name: CommandName, request: unknown) => dispatchCommand(station.handlers, name, request, { error: () => {} });
  const intakeId = randomUUID();
  expect((await run('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-P1', source: 'wedge' })).ok).toBe(true);
  expect((await run('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true, note: 'corner crushed' })).ok).toBe(true);
  const ids: string[] = [];
  for (const bytes of photos) {
    const sent = await sendPhoto({ call: (name, request) => run(name, request) as never }, intakeId, bytes, 'image/jpeg');
    if (!sent.ok) throw new Error(sent.error.message);
    ids.push(sent.data.photoId);
  }
  return ids;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function hqPhoto(db: HqDb, photoId: string): Promise<Buffer | null> {
  const r = await db.query<{ content: Uint8Array }>('SELECT content FROM station_photos WHERE photo_id = $1', [photoId]);
  const row = r.rows[0];
  return row ? Buffer.from(row.content) : null;
}

const uploadedAt = (station: Station, photoId: string): number | null =>
  (station.db.prepare('SELECT uploaded_at FROM photos WHERE photo_id = ?').get(photoId) as { uploaded_at: number | null }).uploaded_at;

describeEachBackend('damage photos reach HQ', (h) => {
  it('pushes PHOTO_TAKEN, then sends each file; HQ stores the same bytes', async () => {
    const { token } = await createStationToken(h.db, { stationId: STATION, warehouse: 'LAX' });
    const hq: RunningHq = await listenHq(buildHqServer({ db: h.db }), '127.0.0.1', 0);
    cleanups.push(() => hq.close());
    const station = await openStation({ hqUrl: hq.url, token });
    const photos = [jpeg(40_000), jpeg(90_000)];
    const ids = await damagedParcelWithPhotos(station, photos);
    await until('both photos at HQ', () => ids.every((id) => uploadedAt(station, id) !== null));
    for (const [i, id] of ids.entries()) expect(Buffer.compare((await hqPhoto(h.db, id)) ?? Buffer.alloc(0), Buffer.from(photos[i] ?? []))).toBe(0);
    const events = await h.db.query<{ n: unknown }>("SELECT count(*) AS n FROM station_events WHERE station_id = $1 AND type = 'PHOTO_TAKEN'", [STATION]);
    expect(Number(events.rows[0]?.n)).toBe(2);
  });

  it('a photo that cannot reach HQ is retried with backoff and arrives once HQ answers', async () => {
    const { token } = await createStationToken(h.db, { stationId: STATION, warehouse: 'LAX' });
    const hq: RunningHq = await listenHq(buildHqServer({ db: h.db }), '127.0.0.1', 0);
    cleanups.push(() => hq.close());
    const station = await openStation(null);
    const [photoId = ''] = await damagedParcelWithPhotos(station, [jpeg(70_000)]);
    let photoRouteDown = true;
    const faultyFetch: typeof fetch = async (input, init) => {
      if (photoRouteDown && String(input).includes('/v1/photos/')) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      return fetch(input, init);
    };
    const service = makeService(station.db, { hqUrl: hq.url, token }, STATION, 'LAX', { dataDir: station.dataDir, fetch: faultyFetch });
    cleanups.push(() => service.stop());
    service.start();
    const attempts = () => (station.db.prepare('SELECT upload_attempts AS n, last_upload_error AS e FROM photos WHERE photo_id = ?').get(photoId) as { n: number; e: string | null });
    await until('two failed uploads', () => attempts().n >= 2);
    expect(attempts().e).toContain('ECONNREFUSED');
    expect(await hqPhoto(h.db, photoId)).toBeNull();
    photoRouteDown = false;
    await until('the photo at HQ', () => uploadedAt(station, photoId) !== null);
    expect((await hqPhoto(h.db, photoId))?.length).toBe(70_000);
  });

  it('refuses a too-big, a non-image, an unannounced and a mismatching upload with a typed error; a resend changes nothing', async () => {
    const { token } = await createStationToken(h.db, { stationId: STATION, warehouse: 'LAX' });
    const hq: RunningHq = await listenHq(buildHqServer({ db: h.db }), '127.0.0.1', 0);
    cleanups.push(() => hq.close());
    const station = await openStation({ hqUrl: hq.url, token });
    const photo = jpeg(5_000);
    const [photoId = ''] = await damagedParcelWithPhotos(station, [photo]);
    await until('the photo at HQ', () => uploadedAt(station, photoId) !== null);

    const put = (id: string, type: string, body: Uint8Array) =>
      fetch(`${hq.url}/v1/photos/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: body as Uint8Array<ArrayBuffer> });
    const code = async (res: Response) => [res.status, ((await res.json()) as { error?: { code?: string } }).error?.code];

    expect(await code(await put(photoId, 'image/jpeg', jpeg(PHOTO_MAX_BYTES + 1)))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await code(await put(photoId, 'text/plain', new TextEncoder().encode('hello')))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await code(await put(photoId, 'image/jpeg', new TextEncoder().encode('<svg>not a jpeg</svg>')))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await code(await put(randomUUID(), 'image/jpeg', jpeg(5_000)))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await put(photoId, 'image/jpeg', jpeg(5_000)))).toEqual([400, 'INVALID_REQUEST']);
    const again = await put(photoId, 'image/jpeg', photo);
    expect([again.status, await again.json()]).toEqual([200, { photoId, stored: false }]);
    const unauth = await fetch(`${hq.url}/v1/photos/${photoId}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: photo as Uint8Array<ArrayBuffer> });
    expect(unauth.status).toBe(401);
    expect(createHash('sha256').update((await hqPhoto(h.db, photoId)) ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('sha256').update(photo).digest('hex'));
  });
});
