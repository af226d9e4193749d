import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { CommandName } from '../../../shared/contract/commandNames.ts';
import type { StationClient } from '../../../shared/contract/stationApi.ts';
import { PHOTO_CHUNK_BYTES, PHOTO_KEEP_MS, PHOTO_MAX_BYTES, PHOTOS_PER_INTAKE_MAX } from '../../../shared/contract/photosLimits.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { readPhoto, sendPhoto } from '../../../renderer/photos/sendPhoto.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_OPERATOR } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
const NOW = 1_800_000_000_000;
let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let client: Pick<StationClient, 'call'>;

/** A JPEG-looking file of `size` bytes (the station checks the first bytes and the hash, not the picture). */
function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const run = (name: CommandName, request: unknown) => dispatchCommand(station.handlers, name, request, { error: () => {} });

async function damagedParcel(damaged = true): Promise<string> {
  const intakeId = randomUUID();
  expect((await run('intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-P1', source: 'wedge' })).ok).toBe(true);
  if (damaged) expect((await run('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true })).ok).toBe(true);
  return intakeId;
}

beforeEach(() => {
  temp = makeTempDir('photos');
  station = createStation({ signedInAs: TEST_OPERATOR, dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => ACCEPT, now: () => NOW });
  client = { call: (name, request) => run(name, request) as never };
});
afterEach(async () => {
  await station.close();
  temp.cleanup();
});

describe('damage photos at the station', () => {
  it('keeps a photo sent in chunks as a file in the data dir, with its row and a PHOTO_TAKEN event in the outbox', async () => {
    const intakeId = await damagedParcel();
    const bytes = jpeg(PHOTO_CHUNK_BYTES * 2 + 123); // three chunks, the last one short
    const sent = await sendPhoto(client, intakeId, bytes, 'image/jpeg');
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(sent.data).toMatchObject({ intakeId, bytes: bytes.length, sha256: sha, operator: TEST_OPERATOR.operatorId, uploadedAt: null, keepUntil: sent.data.takenAt + PHOTO_KEEP_MS });

    const dir = join(temp.dir, 'photos', intakeId);
    expect(readdirSync(dir)).toEqual([`${sent.data.photoId}.jpg`]);
    expect(Buffer.compare(readFileSync(join(dir, `${sent.data.photoId}.jpg`)), Buffer.from(bytes))).toBe(0);
    expect(statSync(join(dir, `${sent.data.photoId}.jpg`)).mode & 0o077).toBe(0);

    const events = station.db.prepare(`SELECT e.type, e.payload, o.state FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.intake_id = ? AND e.type = 'PHOTO_TAKEN'`).all(intakeId) as Array<{ payload: string; state: string }>;
    expect(events).toHaveLength(1);
    expect(events[0]?.state).toBe('pending');
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({ photoId: sent.data.photoId, sha256: sha, bytes: bytes.length, mime: 'image/jpeg' });
    // No image bytes in SQLite: the row is metadata only.
    const row = station.db.prepare('SELECT * FROM photos WHERE photo_id = ?').get(sent.data.photoId) as Record<string, unknown>;
    expect(Object.values(row).every((v) => !(v instanceof Uint8Array))).toBe(true);

    expect(await run('photos.list', { intakeId })).toEqual({ ok: true, data: [sent.data] });
    const back = await readPhoto(client, sent.data);
    expect(back.ok && Buffer.compare(Buffer.from(await back.data.arrayBuffer()), Buffer.from(bytes))).toBe(0);
  });

  it('a retried finish (same commandId) is applied once', async () => {
    const intakeId = await damagedParcel();
    const bytes = jpeg(1000);
    const photoId = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await run('photos.begin', { intakeId, photoId, mime: 'image/jpeg', bytes: bytes.length, sha256 });
    await run('photos.chunk', { photoId, index: 0, data: Buffer.from(bytes).toString('base64') });
    const commandId = randomUUID();
    const first = await run('photos.finish', { commandId, photoId });
    const again = await run('photos.finish', { commandId, photoId });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(station.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'PHOTO_TAKEN'`).get()).toEqual({ n: 1 });
  });

  it(`refuses a fourth photo (at most ${PHOTOS_PER_INTAKE_MAX} per parcel) with PHOTO_LIMIT_REACHED`, async () => {
    const intakeId = await damagedParcel();
    for (let i = 0; i < PHOTOS_PER_INTAKE_MAX; i++) expect((await sendPhoto(client, intakeId, jpeg(500), 'image/jpeg')).ok).toBe(true);
    expect(await sendPhoto(client, intakeId, jpeg(500), 'image/jpeg')).toMatchObject({ ok: false, error: { code: 'PHOTO_LIMIT_REACHED' } });
    expect(readdirSync(join(temp.dir, 'photos', intakeId))).toHaveLength(PHOTOS_PER_INTAKE_MAX);
  });

  it('refuses a photo of a parcel not reported damaged, one too large, one that is not an image, and one whose bytes do not match its hash', async () => {
    const undamaged = await damagedParcel(false);
    expect(await sendPhoto(client, undamaged, jpeg(500), 'image/jpeg')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect((await run('intake.cancel', { commandId: randomUUID(), intakeId: undamaged, reason: 'wrong parcel' })).ok).toBe(true);

    const intakeId = await damagedParcel();
    const tooBig = await run('photos.begin', { intakeId, photoId: randomUUID(), mime: 'image/jpeg', bytes: PHOTO_MAX_BYTES + 1, sha256: 'a'.repeat(64) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    const text = new TextEncoder().encode('this is not a picture at all');
    expect(await sendPhoto(client, intakeId, text, 'image/jpeg')).toMatchObject({ ok: false, error: { code: 'PHOTO_REFUSED' } });

    const bytes = jpeg(800);
    const photoId = randomUUID();
    await run('photos.begin', { intakeId, photoId, mime: 'image/jpeg', bytes: bytes.length, sha256: createHash('sha256').update(jpeg(800)).digest('hex') });
    await run('photos.chunk', { photoId, index: 0, data: Buffer.from(bytes).toString('base64') });
    expect(await run('photos.finish', { commandId: randomUUID(), photoId })).toMatchObject({ ok: false, error: { code: 'PHOTO_REFUSED' } });

    expect(existsSync(join(temp.dir, 'photos', intakeId)) ? readdirSync(join(temp.dir, 'photos', intakeId)) : []).toEqual([]);
    expect(station.db.prepare('SELECT count(*) AS n FROM photos').get()).toEqual({ n: 0 });
  });

  it('refuses photo commands when nobody is signed in', async () => {
    const intakeId = await damagedParcel();
    station.session.signOut('signedOut');
    expect(await sendPhoto(client, intakeId, jpeg(500), 'image/jpeg')).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
  });
});
