/**
 * Text hygiene for files an admin imports (manifests, reference documents): every string, keys included, must be
 * clean (shared/text/cleanText.ts) and nesting bounded, or the entry is reported as a problem with its place.
 * Nothing is stripped silently: an import is all or nothing, and the file is fixed at its source.
 */
import { checkJsonText } from '../../shared/text/checkJsonText.ts';

/** A problem message for an imported value, or null when its text is clean. */
export function importTextProblem(value: unknown): string | null {
  const p = checkJsonText(value);
  if (p === null) return null;
  if (p.kind === 'depth') return `nested deeper than ${p.maxDepth} levels at ${p.path}`;
  return `${p.path}: holds a ${p.found.problem} character (${p.found.codePoint}); remove it from the file and import again`;
}
