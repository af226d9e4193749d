/**
 * `npm run hq -- serve`: opens the database, optionally makes sure a station has a token (the demo station), listens,
 * prints one JSON line {"event":"listening","url":…} on stdout for a parent process, and stops cleanly on
 * SIGINT/SIGTERM (requests in flight finish, then the database closes).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openHqDb } from '../../db/openHqDb.ts';
import type { HqDb } from '../../db/hqDb.ts';
import { buildHqServer, listenHq } from '../../server/buildHqServer.ts';
import { hqLogSettings, installHqFatalHandlers, openHqLog } from '../../server/hqLogger.ts';
import { createStationToken, verifyStationToken } from '../../auth/stationTokens.ts';
import { HqError } from '../../hqError.ts';
import { describeTarget, resolveHqSettings } from '../hqSettings.ts';
import { CliUsageError } from '../cliError.ts';
import { WAREHOUSES, type Warehouse } from '../../../shared/manifest/destinations.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { readManifestFile } from '../../admin/manifestFile.ts';
import { importManifestEntries } from '../../admin/importManifests.ts';
import { importReferenceDocs, readReferenceFile } from '../../admin/importReference.ts';

/** Reuses the token in `tokenFile` if it is valid for the station; otherwise issues one and writes it (mode 0600). */
export async function ensureStationToken(db: HqDb, stationId: string, warehouse: Warehouse, tokenFile: string): Promise<{ created: boolean }> {
  if (existsSync(tokenFile)) {
    const token = readFileSync(tokenFile, 'utf8').trim();
    try {
      const who = await verifyStationToken(db, token);
      if (who.stationId === stationId && who.warehouse === warehouse) return { created: false };
    } catch (err) {
      if (!(err instanceof HqError && err.code === 'UNAUTHORIZED')) throw err;
    }
  }
  const { token } = await createStationToken(db, { stationId, warehouse, label: 'ensured at serve start' });
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  return { created: true };
}

export async function serveCommand(flags: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const settings = resolveHqSettings(flags, process.env);
  const seedManifests = Array.isArray(flags['seed-manifests']) ? flags['seed-manifests'] : [];
  const seedReference = Array.isArray(flags['seed-reference']) ? flags['seed-reference'] : [];
  const ensure = typeof flags['ensure-station'] === 'string' ? flags['ensure-station'] : undefined;
  const tokenFile = typeof flags['token-file'] === 'string' ? flags['token-file'] : undefined;
  if ((ensure === undefined) !== (tokenFile === undefined)) throw new CliUsageError('--ensure-station STATION:WAREHOUSE and --token-file FILE go together');
  let ensureStation: { stationId: string; warehouse: Warehouse } | null = null;
  if (ensure !== undefined) {
    const [stationId, wh] = ensure.split(':');
    const warehouse = WAREHOUSES.find((w) => w === wh);
    if (!stationId || !warehouse) throw new CliUsageError('--ensure-station takes STATION:WAREHOUSE, e.g. LAX-DEMO-1:LAX');
    ensureStation = { stationId, warehouse };
  }
  const log = await openHqLog(hqLogSettings(flags, process.env, settings.db, process.stderr.isTTY));
  installHqFatalHandlers(log);

  const db = await openHqDb(settings.db);
  let hq;
  try {
    // Seeds first, all validated before anything is stored (a bad seed file stops the start with its problems).
    if (seedManifests.length > 0) {
      const entries: ManifestEntry[] = [];
      const problems: string[] = [];
      for (const file of seedManifests) {
        const r = readManifestFile(readFileSync(file, 'utf8'), path.basename(file));
        entries.push(...r.entries);
        problems.push(...r.problems.map((p) => `${p.source}: ${p.message}`));
      }
      if (problems.length > 0) throw new HqError('INVALID_REQUEST', `Seed manifests not imported:\n  ${problems.slice(0, 50).join('\n  ')}`);
      const r = await importManifestEntries(db, entries);
      process.stderr.write(`seed manifests: ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged\n`);
    }
    if (seedReference.length > 0) {
      const docs = seedReference.flatMap((file) => readReferenceFile(readFileSync(file, 'utf8'), path.basename(file)));
      const r = await importReferenceDocs(db, docs);
      process.stderr.write(`seed reference documents: ${r.stored} stored, ${r.unchanged} unchanged\n`);
    }
    if (ensureStation && tokenFile) {
      const r = await ensureStationToken(db, ensureStation.stationId, ensureStation.warehouse, path.resolve(tokenFile));
      process.stderr.write(`station ${ensureStation.stationId}: token ${r.created ? 'issued' : 'reused'} in ${path.resolve(tokenFile)}\n`);
    }
    const tls = settings.tls ? { cert: readFileSync(settings.tls.certFile), key: readFileSync(settings.tls.keyFile) } : undefined;
    hq = await listenHq(buildHqServer({ db, loggerInstance: log.logger, updatesDir: settings.updatesDir, ...(tls ? { tls } : {}) }), settings.host, settings.port);
  } catch (err) {
    log.logger.fatal({ err }, 'HQ could not start');
    await db.close();
    await log.close();
    throw err;
  }
  log.logger.warn({ url: hq.url, database: describeTarget(settings.db), logFile: log.file() }, 'HQ listening');
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: hq.url, database: describeTarget(settings.db) })}\n`);
  const running = hq;
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void running
        .close()
        .then(() => db.close())
        .then(() => log.close())
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
