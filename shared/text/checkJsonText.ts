/**
 * Checks a parsed JSON value before it is stored or forwarded: every string and every key must be clean text
 * (cleanText.ts; GS / RS and line breaks are allowed, as a stored scan or note may hold them) and nesting must stay
 * within `maxDepth`. Iterative, so a value nested 100 000 levels deep is refused instead of overflowing the stack.
 * The reported path is itself clean text (it ends up in logs and in HQ's rejected_events).
 */
import { findTextProblem, stripUnsafeText, type FoundTextProblem, type TextPolicy } from './cleanText.ts';

/** Deeper than any event the station writes (they nest a few levels); PostgreSQL's own limit is far below 4000. */
export const MAX_JSON_DEPTH = 32;

const JSON_TEXT_POLICY: TextPolicy = { keepScanSeparators: true, keepLineBreaks: true };

export type JsonTextProblem =
  | { readonly kind: 'text'; readonly path: string; readonly found: FoundTextProblem }
  | { readonly kind: 'depth'; readonly path: string; readonly maxDepth: number };

export function checkJsonText(value: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonTextProblem | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const v = item.value;
    if (typeof v === 'string') {
      const found = findTextProblem(v, JSON_TEXT_POLICY);
      if (found) return { kind: 'text', path: item.path || '(value)', found };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (item.depth >= maxDepth) return { kind: 'depth', path: item.path || '(value)', maxDepth };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i] as unknown, depth: item.depth + 1, path: `${item.path}[${i}]` });
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      // The path is reported and stored: it holds only the clean part of a key.
      const keyPath = `${item.path}.${stripUnsafeText(key.slice(0, 40))}`;
      const found = findTextProblem(key, JSON_TEXT_POLICY);
      if (found) return { kind: 'text', path: keyPath, found };
      stack.push({ value: child, depth: item.depth + 1, path: keyPath });
    }
  }
  return null;
}
