/**
 * HQ's update feed (GET /v1/updates/:file, hq/updates/) against a fake release directory: only stations with a
 * token get files; the feed files and a fake artifact arrive byte for byte; a staged rollout gives listed stations
 * the new release and the others the fallback; a rollback (feed.json edited) takes effect at the next request;
 * names that try to leave the release folder, missing files and a broken feed.json answer plain errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { buildHqServer } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const temp = makeTempDir('updates');
const updatesDir = path.join(temp.dir, 'updates');
const artifact = randomBytes(300_000);
let db: HqDb;
let app: FastifyInstance;
let pilotToken = '';
let otherToken = '';

function release(version: string, bytes: Buffer) {
  const dir = path.join(updatesDir, 'releases', version);
  mkdirSync(dir, { recursive: true });
  const file = `ECMS Intake-${version}.AppImage`;
  writeFileSync(path.join(dir, file), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  writeFileSync(path.join(dir, 'latest-linux.yml'), `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${bytes.length}\npath: ${file}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`);
}

function feed(config: unknown) {
  writeFileSync(path.join(updatesDir, 'feed.json'), typeof config === 'string' ? config : JSON.stringify(config));
}

const get = (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  release('0.1.0', Buffer.from('old installer'));
  release('0.2.0', artifact);
  db = await openHqDb({ kind: 'memory' });
  pilotToken = (await createStationToken(db, { stationId: 'LAX-PILOT-1', warehouse: 'LAX', label: 'test' })).token;
  otherToken = (await createStationToken(db, { stationId: 'CHI-DOCK-2', warehouse: 'CHI', label: 'test' })).token;
  app = buildHqServer({ db, updatesDir });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await db.close();
  temp.cleanup();
});

describe('HQ update feed', () => {
  it('serves files to authenticated stations only', async () => {
    feed({ release: '0.2.0' });
    expect((await get('/v1/updates/latest-linux.yml')).statusCode).toBe(401);
    expect((await get('/v1/updates/latest-linux.yml', 'not-a-token-at-all-000000')).statusCode).toBe(401);
    expect((await get('/v1/updates/latest-linux.yml', pilotToken)).statusCode).toBe(200);
  });

  it('answers the feed file as YAML and the artifact byte for byte, with its length', async () => {
    feed({ release: '0.2.0' });
    const yml = await get('/v1/updates/latest-linux.yml', pilotToken);
    expect(yml.headers['content-type']).toMatch(/yaml/);
    expect(yml.body).toMatch(/^version: 0\.2\.0$/m);
    const sha = createHash('sha512').update(artifact).digest('base64');
    expect(yml.body).toContain(`sha512: ${sha}`);
    const file = await get(`/v1/updates/${encodeURIComponent('ECMS Intake-0.2.0.AppImage')}`, pilotToken);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-length']).toBe(String(artifact.length));
    expect(file.rawPayload.equals(artifact)).toBe(true);
  });

  it('stages a rollout: a listed station gets the new release, the others the fallback; rollback is editing feed.json', async () => {
    feed({ release: '0.2.0', fallback: '0.1.0', rollout: { stations: ['LAX-PILOT-1'], percentage: 0 } });
    expect((await get('/v1/updates/latest-linux.yml', pilotToken)).body).toMatch(/^version: 0\.2\.0$/m);
    expect((await get('/v1/updates/latest-linux.yml', otherToken)).body).toMatch(/^version: 0\.1\.0$/m);
    // The other station cannot fetch the new release's installer either: it is not in its release.
    expect((await get(`/v1/updates/${encodeURIComponent('ECMS Intake-0.2.0.AppImage')}`, otherToken)).statusCode).toBe(404);
    feed({ release: '0.1.0' });
    expect((await get('/v1/updates/latest-linux.yml', pilotToken)).body).toMatch(/^version: 0\.1\.0$/m);
  });

  it('refuses names that leave the release folder and files the release does not have', async () => {
    feed({ release: '0.2.0' });
    for (const name of ['..%2F..%2Ffeed.json', '.hidden', '%2Fetc%2Fpasswd', '..', 'latest.yml']) {
      const r = await get(`/v1/updates/${name}`, pilotToken);
      expect(r.statusCode, name).toBe(404);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('a missing or broken feed.json is UNAVAILABLE with what to fix', async () => {
    feed('{ not json');
    const broken = await get('/v1/updates/latest-linux.yml', pilotToken);
    expect(broken.statusCode).toBe(503);
    expect(JSON.parse(broken.body)).toMatchObject({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/feed\.json is not valid JSON/) } });
    feed({ release: '0.2.0', rollout: { percentage: 5 } });
    expect(JSON.parse((await get('/v1/updates/latest-linux.yml', pilotToken)).body)).toMatchObject({ error: { message: expect.stringMatching(/fallback/) } });
  });

  it('an HQ without an updates directory says it publishes none', async () => {
    const bare = buildHqServer({ db });
    const r = await bare.inject({ method: 'GET', url: '/v1/updates/latest-linux.yml', headers: { authorization: `Bearer ${pilotToken}` } });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ error: { message: expect.stringMatching(/publishes no updates/) } });
    await bare.close();
  });
});
