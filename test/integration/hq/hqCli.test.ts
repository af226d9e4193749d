/**
 * The admin CLI end to end, as an operator runs it (`node hq/cli/main.ts …` is what `npm run hq --` runs), on a
 * PGlite data directory: issue a token, import manifests (CSV) and reference documents, record ID and duties, and
 * serve with an ensured demo-station token. PostgreSQL is covered through the same code by the other HQ tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, readToken, startHqProcess } from '../sync/hqProcess.ts';
import { HQ_TOKEN_PATTERN } from '../../../shared/sync/syncConfig.ts';
import { makeManifest, makeProhibitedDoc, makeRateCardDoc } from '../sync/fixtures.ts';
import { buildOpenApiDocument } from '../../../hq/server/openapiDocument.ts';

const run = promisify(execFile);
let dir = '';
let dataDir = '';

function hq(...args: string[]) {
  return run(process.execPath, [path.join(REPO_ROOT, 'hq/cli/main.ts'), ...args, '--data-dir', dataDir], { cwd: REPO_ROOT });
}

const CSV = `waybill,warehouse,destination,inbound_tracking,declared_weight,consignee_name,consignee_id_status,duties_status,shipper_name,shipper_address,estimate_minor,currency,item_description,item_quantity,item_value_minor,item_currency
APELAX1040039963,LAX,CN,1Z999AA10123456784,3.2 lb,Li Wei,missing,unpaid,Amazon,"1 Way, Seattle",2540,USD,Gummies,2,1999,USD
APECHI1040039964,CHI,KR,TBA123456789012,1.45 kg,Kim,missing,unpaid,Amazon,"1 Way, Seattle",1800,USD,Socks,1,500,USD
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ecms-hqcli-'));
  dataDir = path.join(dir, 'hq');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run hq -- …', () => {
  it('runs the admin commands against a data directory', { timeout: 120_000 }, async () => {
    const created = await hq('token', 'create', '--station', 'LAX-01', '--warehouse', 'LAX');
    expect(created.stdout.trim()).toMatch(HQ_TOKEN_PATTERN);
    await expect(hq('token', 'create', '--station', 'LAX-01', '--warehouse', 'CHI')).rejects.toMatchObject({ stderr: expect.stringMatching(/belongs to LAX/) });

    const csv = path.join(dir, 'manifests.csv');
    writeFileSync(csv, CSV);
    expect((await hq('import-manifests', csv)).stdout).toMatch(/2 new/);
    expect((await hq('import-manifests', csv)).stdout).toMatch(/0 new, 0 changed, 2 unchanged/);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, CSV.replace('3.2 lb', 'heavy'));
    await expect(hq('import-manifests', bad)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/Nothing imported.*\n.*bad\.csv:2/) });

    const ref = path.join(dir, 'ref.json');
    writeFileSync(ref, JSON.stringify({ docs: [makeRateCardDoc('card-a-CN', '1'), makeProhibitedDoc('rules', '1')] }));
    expect((await hq('import-reference', ref)).stdout).toMatch(/2 stored/);

    expect((await hq('record-id', 'APELAX1040039963')).stdout).toMatch(/recorded/);
    expect((await hq('record-duties', 'APELAX1040039963', '--status', 'paid')).stdout).toMatch(/recorded/);
    await expect(hq('record-id', 'APELAXNOSUCH')).rejects.toMatchObject({ stderr: expect.stringMatching(/NOT_FOUND/) });
    await expect(hq('record-duties', 'APELAX1040039963', '--status', 'maybe')).rejects.toMatchObject({ code: 2 });
    expect((await hq('reset-stream', 'manifests', '--warehouse', 'LAX')).stdout).toMatch(/epoch 2/);
    expect((await hq('token', 'list')).stdout).toMatch(/LAX-01\s+LAX\s+active/);
    await expect(hq('frobnicate')).rejects.toMatchObject({ code: 2 });
  });

  it('serves on a free port, seeds data, issues the demo station token once, and refuses a second process on the data dir', { timeout: 120_000 }, async () => {
    const tokenFile = path.join(dir, 'demo.token');
    const seed = path.join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify([makeManifest(900, 'LAX'), makeManifest(901, 'CHI')]));
    const seedRef = path.join(dir, 'seed-ref.json');
    writeFileSync(seedRef, JSON.stringify({ docs: [makeRateCardDoc('card-z-CN', '1')] }));
    const server = await startHqProcess(['--data-dir', dataDir, '--port', '0', '--ensure-station', 'LAX-DEMO-1:LAX', '--token-file', tokenFile, '--seed-manifests', seed, '--seed-reference', seedRef]);
    try {
      const token = readToken(tokenFile);
      expect(token).toMatch(HQ_TOKEN_PATTERN);
      expect(statSync(tokenFile).mode & 0o077).toBe(0);
      const health = await fetch(`${server.url}/v1/health`);
      expect(await health.json()).toMatchObject({ ok: true });
      const page = await fetch(`${server.url}/v1/pull/manifests`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await page.json()) as { items: unknown[] };
      expect(body.items).toHaveLength(2);
      expect(server.stderr()).toMatch(/seed manifests: 2 new/);
      const spec = await fetch(`${server.url}/v1/openapi.json`);
      expect(spec.headers.get('content-type')).toMatch(/^application\/json/);
      const served = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(served).toEqual(buildOpenApiDocument());
      expect(Object.keys(served.paths).sort()).toEqual(['/v1/health', '/v1/openapi.json', '/v1/photos/{photoId}', '/v1/pull/{stream}', '/v1/push', '/v1/updates/{file}']);
      await expect(hq('token', 'list')).rejects.toMatchObject({ stderr: expect.stringMatching(/in use by process/) });
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const again = await startHqProcess(['--data-dir', dataDir, '--port', '0', '--ensure-station', 'LAX-DEMO-1:LAX', '--token-file', tokenFile]);
    try {
      expect(again.stderr()).toMatch(/token reused/);
    } finally {
      await again.stop();
    }
  });
});
