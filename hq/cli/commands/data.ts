/** Admin data commands: import-manifests, import-reference, record-id, record-duties, reset-stream. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openHqDb } from '../../db/openHqDb.ts';
import type { HqDb } from '../../db/hqDb.ts';
import { readManifestFile } from '../../admin/manifestFile.ts';
import { importManifestEntries } from '../../admin/importManifests.ts';
import { importReferenceDocs, readReferenceFile } from '../../admin/importReference.ts';
import { DutyStatusSchema, IdStatusSchema, recordConsigneeId, recordDuties } from '../../admin/recordStatus.ts';
import { resetStream } from '../../admin/resetStream.ts';
import { HqError } from '../../hqError.ts';
import { resolveHqSettings } from '../hqSettings.ts';
import { CliUsageError } from '../cliError.ts';
import { PullStreamSchema } from '../../../shared/sync/pullWire.ts';
import { WAREHOUSES } from '../../../shared/manifest/destinations.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { ReferenceDoc } from '../../../shared/sync/referenceDoc.ts';

type Flags = Record<string, string | boolean | string[] | undefined>;

async function withDb<T>(flags: Flags, fn: (db: HqDb) => Promise<T>): Promise<T> {
  const db = await openHqDb(resolveHqSettings(flags, process.env).db);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function importManifestsCommand(files: string[], flags: Flags): Promise<void> {
  if (files.length === 0) throw new CliUsageError('import-manifests FILE.csv|FILE.json …');
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const r = readManifestFile(await readFile(file, 'utf8'), path.basename(file));
    entries.push(...r.entries);
    problems.push(...r.problems.map((p) => `${p.source}: ${p.message}`));
  }
  if (problems.length > 0) {
    throw new HqError('INVALID_REQUEST', `Nothing imported; ${problems.length} problem(s):\n  ${problems.slice(0, 50).join('\n  ')}${problems.length > 50 ? '\n  …' : ''}`);
  }
  const r = await withDb(flags, (db) => importManifestEntries(db, entries));
  process.stdout.write(`manifests: ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged\n`);
}

export async function importReferenceCommand(files: string[], flags: Flags): Promise<void> {
  if (files.length === 0) throw new CliUsageError('import-reference FILE.json …');
  const docs: ReferenceDoc[] = [];
  for (const file of files) docs.push(...readReferenceFile(await readFile(file, 'utf8'), path.basename(file)));
  const r = await withDb(flags, (db) => importReferenceDocs(db, docs));
  process.stdout.write(`reference documents: ${r.stored} stored, ${r.unchanged} unchanged\n`);
}

export async function recordStatusCommand(kind: 'id' | 'duties', args: string[], flags: Flags): Promise<void> {
  const waybill = args[0];
  if (!waybill) throw new CliUsageError(kind === 'id' ? 'record-id WAYBILL [--status received|invalid|missing] [--note TEXT]' : 'record-duties WAYBILL [--status paid|unpaid] [--note TEXT]');
  const note = typeof flags['note'] === 'string' ? flags['note'] : null;
  const statusFlag = typeof flags['status'] === 'string' ? flags['status'] : undefined;
  const r = await withDb(flags, async (db) => {
    if (kind === 'id') {
      const s = IdStatusSchema.safeParse(statusFlag ?? 'received');
      if (!s.success) throw new CliUsageError('--status must be received, invalid or missing');
      return recordConsigneeId(db, waybill, s.data, note);
    }
    const s = DutyStatusSchema.safeParse(statusFlag ?? 'paid');
    if (!s.success) throw new CliUsageError('--status must be paid or unpaid');
    return recordDuties(db, waybill, s.data, note);
  });
  process.stdout.write(r.changed ? `${waybill}: recorded\n` : `${waybill}: already so, nothing changed\n`);
}

export async function resetStreamCommand(args: string[], flags: Flags): Promise<void> {
  const stream = PullStreamSchema.safeParse(args[0]);
  if (!stream.success) throw new CliUsageError('reset-stream manifests|rateCards|prohibitedRules [--warehouse LAX|CHI] [--reason TEXT]');
  const whFlag = typeof flags['warehouse'] === 'string' ? flags['warehouse'] : undefined;
  const warehouse = whFlag === undefined ? null : (WAREHOUSES.find((w) => w === whFlag) ?? null);
  if (whFlag !== undefined && warehouse === null) throw new CliUsageError('--warehouse must be LAX or CHI');
  const reason = typeof flags['reason'] === 'string' ? flags['reason'] : 'reset by HQ admin';
  const r = await withDb(flags, (db) => resetStream(db, stream.data, warehouse, reason));
  for (const x of r) process.stdout.write(`${stream.data} (${x.scope}): epoch ${x.epoch}; stations will download it again\n`);
}

export async function migrateCommand(flags: Flags): Promise<void> {
  await withDb(flags, async () => undefined);
  process.stdout.write('HQ database is up to date\n');
}
