/**
 * Privacy after a full demo run (issue 14, item 8): the real station process takes in demo parcels with notes that
 * hold a consignee ID number and a phone number, syncs to HQ (PGlite on disk) and shuts down cleanly. Then every
 * byte the station left (database, backups, identity file, logs) and HQ's database files are searched: no ID
 * number, no phone number, and consignee names only for parcels a slip may still need (on the hold shelf, or not
 * arrived yet).
 */
import { afterAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { startTestHq } from '../sync/syncHarness.ts';
import { startStationProcess, StationSocket } from '../../support/stationProcess.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const manifests = (JSON.parse(readFileSync(path.join(root, 'resources/demo/manifests.json'), 'utf8')) as ManifestEntry[]).filter((m) => m.warehouse === 'LAX');
const ID_NUMBER = '11010519491231002X';
const PHONES = ['138 0013 8000', '13800138000', '+1 (310) 555-0134'];
const temp = makeTempDir('privacy');
afterAll(() => temp.cleanup());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
const contents = (files: readonly string[]) => files.map((f) => ({ file: f, text: readFileSync(f).toString('latin1'), utf8: readFileSync(f).toString('utf8') }));

it('no ID number or phone anywhere after a demo run, and names only where a live slip needs them', async () => {
  const hqDir = path.join(temp.dir, 'hq');
  const hqDb = await openHqDb({ kind: 'pglite', dataDir: hqDir });
  const hq = await startTestHq(hqDb);
  const dataDir = path.join(temp.dir, 'station');
  const decisions = new Map<string, string>();
  try {
    const { token } = await createStationToken(hqDb, { stationId: 'LAX-PRIV-1', warehouse: 'LAX' });
    const tokenFile = path.join(temp.dir, 'token');
    writeFileSync(tokenFile, `${token}\n`);
    const proc = await startStationProcess(['--data-dir', dataDir, '--demo', '--station-id', 'LAX-PRIV-1', '--warehouse', 'LAX', '--hq-url', hq.url, '--hq-token-file', tokenFile]);
    const socket = await StationSocket.openSignedIn(proc.info);
    const call = async (command: string, request: object) => {
      for (;;) {
        const r = await socket.call(command, request);
        if (r.ok) return r.data as { verdict?: { decision: string } | null };
        if (r.error.code !== 'RATE_LIMITED') throw new Error(`${command}: ${r.error.code} ${r.error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const takenIn = manifests.slice(0, 10);
    for (const [i, m] of takenIn.entries()) {
      const intakeId = randomUUID();
      await call('intake.scan', { commandId: randomUUID(), intakeId, raw: m.waybill, source: 'wedge' });
      await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2.5', unit: 'lb', reason: `scale down, consignee ID ${ID_NUMBER}` } });
      if (i % 3 === 0) await call('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true, note: `corner wet; call ${PHONES[i % PHONES.length]} first` });
      await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
      const decided = await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
      decisions.set(m.waybill, decided.verdict?.decision ?? 'none');
      await call('intake.finish', { commandId: randomUUID(), intakeId });
    }
    for (let t = 0; ; t++) {
      const status = (await call('sync.status', {})) as unknown as { pending: number };
      if (status.pending === 0) break;
      if (t > 200) throw new Error('sync did not drain');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    socket.close();
    await proc.kill('SIGTERM');
  } finally {
    await hq.close();
    await hqDb.close();
  }

  const station = contents(filesUnder(dataDir));
  const hqFiles = contents(filesUnder(hqDir));
  expect(station.some((f) => f.file.endsWith('station.sqlite'))).toBe(true);
  expect(station.some((f) => f.file.includes(`${path.sep}logs${path.sep}`))).toBe(true);
  expect(station.some((f) => f.file.includes(`${path.sep}backups${path.sep}`))).toBe(true);
  for (const f of [...station, ...hqFiles]) {
    for (const secret of [ID_NUMBER, ...PHONES]) expect(f.text.includes(secret) || f.utf8.includes(secret), `${secret} in ${f.file}`).toBe(false);
  }
  // The masked notes reached HQ as masked text.
  const db = new Database(path.join(dataDir, 'station.sqlite'), { readonly: true });
  const held = new Set((db.prepare("SELECT waybill FROM holds WHERE state = 'held'").all() as Array<{ waybill: string | null }>).map((r) => r.waybill));
  db.close();
  const live = (m: ManifestEntry) => held.has(m.waybill) || !decisions.has(m.waybill);
  // Databases (the station's and its backups) are searched table by table, print jobs included: the document model
  // a reprint would need goes with the manifest names once the parcel is synced and gone (printJobRetention.ts).
  const isDatabase = (f: string) => f.endsWith('.sqlite');
  const tablesWith = (file: string, text: string): string[] => {
    const d = new Database(file, { readonly: true });
    try {
      const tables = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      return tables.filter((t) => (d.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).some((r) => JSON.stringify(r).includes(text)));
    } finally {
      d.close();
    }
  };
  for (const m of manifests) {
    if (live(m)) continue;
    const found = station.flatMap((f) => {
      if (isDatabase(f.file)) return tablesWith(f.file, m.consigneeName).map((t) => `${path.relative(dataDir, f.file)}:${t}`);
      return f.utf8.includes(m.consigneeName) ? [path.relative(dataDir, f.file)] : [];
    });
    expect(found, `${m.consigneeName} (${m.waybill}, ${decisions.get(m.waybill)}) is still on the station`).toEqual([]);
  }
  expect([...decisions.values()].some((d) => d !== 'HOLD')).toBe(true);
}, 180_000);
