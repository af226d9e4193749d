/**
 * Reference documents from JSON files (resources/reference/*.json, or an HQ export): each file must match
 * ReferenceDocFileSchema. Used by the CLI and to seed a demo station; errors are typed, never swallowed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReferenceDocFileSchema, type ReferenceDoc } from '../../shared/sync/referenceDoc.ts';

export const SAMPLE_REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/reference');

export type ReferenceFilesResult =
  | { ok: true; docs: ReferenceDoc[]; files: string[]; sample: boolean }
  | { ok: false; error: { code: 'REFERENCE_FILE_UNREADABLE' | 'REFERENCE_FILE_INVALID'; file: string; message: string } };

/** Every *.json file in a directory (sorted), or one file. */
export function readReferenceFiles(target: string = SAMPLE_REFERENCE_DIR): ReferenceFilesResult {
  let files: string[];
  try {
    files = statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(target, f))
      : [target];
  } catch (error) {
    return { ok: false, error: { code: 'REFERENCE_FILE_UNREADABLE', file: target, message: `cannot read ${target}: ${(error as Error).message}` } };
  }
  const docs: ReferenceDoc[] = [];
  let sample = false;
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      return { ok: false, error: { code: 'REFERENCE_FILE_UNREADABLE', file, message: `cannot read ${file}: ${(error as Error).message}` } };
    }
    const parsed = ReferenceDocFileSchema.safeParse(json);
    if (!parsed.success) {
      return { ok: false, error: { code: 'REFERENCE_FILE_INVALID', file, message: `${file} is not a reference-document file: ${parsed.error.issues[0]?.message ?? 'invalid'}` } };
    }
    sample ||= parsed.data.sample === true;
    docs.push(...parsed.data.docs);
  }
  return { ok: true, docs, files, sample };
}
