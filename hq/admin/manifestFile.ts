/**
 * Reads a manifest import file (CSV, see manifestCsv.ts; or JSON: an array of entries, or {sample?, entries: [...]})
 * and validates every entry (clean text, importTextCheck.ts; then ManifestEntrySchema). All or nothing: any problem is reported with its place and
 * nothing is imported.
 */
import { z } from 'zod';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { manifestCandidatesFromCsv, type CsvCandidate, type CsvProblem } from './manifestCsv.ts';
import { importTextProblem } from './importTextCheck.ts';

const JsonFileSchema = z.union([z.array(z.unknown()), z.object({ sample: z.boolean().optional(), entries: z.array(z.unknown()) })]);

export interface ManifestFileResult {
  readonly entries: ManifestEntry[];
  readonly problems: CsvProblem[];
}

export function readManifestFile(text: string, fileName: string): ManifestFileResult {
  let candidates: CsvCandidate[];
  const problems: CsvProblem[] = [];
  if (/\.json$/i.test(fileName)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return { entries: [], problems: [{ source: fileName, message: `not JSON: ${(err as Error).message}` }] };
    }
    const file = JsonFileSchema.safeParse(json);
    if (!file.success) return { entries: [], problems: [{ source: fileName, message: 'expected an array of manifest entries or {entries: [...]}' }] };
    const list = Array.isArray(file.data) ? file.data : file.data.entries;
    candidates = list.map((value, i) => ({ source: `${fileName}[${i}]`, value }));
  } else if (/\.csv$/i.test(fileName)) {
    const csv = manifestCandidatesFromCsv(text, fileName);
    candidates = csv.candidates;
    problems.push(...csv.problems);
  } else {
    return { entries: [], problems: [{ source: fileName, message: 'manifest files must end in .csv or .json' }] };
  }
  const entries: ManifestEntry[] = [];
  const seen = new Map<string, string>();
  for (const c of candidates) {
    const unclean = importTextProblem(c.value);
    if (unclean !== null) {
      problems.push({ source: c.source, message: unclean });
      continue;
    }
    const parsed = ManifestEntrySchema.safeParse(c.value);
    if (!parsed.success) {
      problems.push({ source: c.source, message: z.prettifyError(parsed.error).replace(/\n/g, '; ') });
      continue;
    }
    const before = seen.get(parsed.data.waybill);
    if (before) {
      problems.push({ source: c.source, message: `waybill ${parsed.data.waybill} already appears at ${before}` });
      continue;
    }
    seen.set(parsed.data.waybill, c.source);
    entries.push(parsed.data);
  }
  return { entries, problems };
}
