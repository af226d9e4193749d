/**
 * The demo's data: sample manifests and reference documents from resources/, loaded into an EMPTY station (no
 * manifests, no reference documents) in one transaction. A station that already has data is never touched; a
 * damaged sample file is an error, not a silently empty demo.
 */
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ManifestEntrySchema } from '../../shared/manifest/manifestEntry.ts';
import { countManifests, upsertManifest } from '../db/queries/manifests.ts';
import { countReferenceDocs, upsertReferenceDoc } from '../db/queries/referenceDocs.ts';
import { readReferenceFiles } from '../rules/referenceFiles.ts';
import { StationError } from './stationError.ts';

export const DEMO_MANIFESTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/demo/manifests.json');

export function seedDemoData(db: Database, now: number, manifestsFile = DEMO_MANIFESTS_FILE): { manifests: number; referenceDocs: number } | null {
  if (countManifests(db) > 0 || countReferenceDocs(db) > 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestsFile, 'utf8'));
  } catch (error) {
    throw new StationError('STORAGE_FAILED', `Cannot read the demo manifests ${manifestsFile}: ${(error as Error).message}`);
  }
  const manifests = z.array(ManifestEntrySchema).safeParse(json);
  if (!manifests.success) {
    throw new StationError('STORAGE_FAILED', `The demo manifests ${manifestsFile} are invalid: ${manifests.error.issues[0]?.path.join('.')} ${manifests.error.issues[0]?.message}`);
  }
  const reference = readReferenceFiles();
  if (!reference.ok) throw new StationError('STORAGE_FAILED', `The sample reference data is unreadable: ${reference.error.message}`);
  db.transaction(() => {
    for (const entry of manifests.data) upsertManifest(db, entry, now);
    for (const doc of reference.docs) upsertReferenceDoc(db, doc, now);
  })();
  return { manifests: manifests.data.length, referenceDocs: reference.docs.length };
}
