/**
 * The one mapping from a request the contract's schema refused to words a worker reads: which input it concerns
 * (`field`, the request path such as 'length' or 'manual.reason') and a plain sentence that says what to type. No
 * command name and no schema wording ever comes out of here; a message written for people by a schema (a `custom`
 * issue, e.g. from shared/contract/safeText.ts) is kept.
 */
import type { z } from 'zod';

export interface PlainIssue {
  /** The request path of the first refused input; absent when the request as a whole was unreadable. */
  readonly field?: string;
  readonly message: string;
}

/** What each input is called on the screen, and an example of what it takes. */
const FIELD_WORDS: Readonly<Record<string, { readonly name: string; readonly example?: string }>> = {
  length: { name: 'The length', example: 'a number such as 12 or 12.5' },
  width: { name: 'The width', example: 'a number such as 10 or 9.75' },
  height: { name: 'The height', example: 'a number such as 8 or 3.25' },
  'manual.value': { name: 'The typed weight', example: 'a number such as 3.2' },
  value: { name: 'The weight', example: 'a number such as 3.2' },
  'manual.reason': { name: 'Why the weight is typed' },
  reason: { name: 'Why' },
  note: { name: 'The note' },
  raw: { name: 'The scan' },
  operator: { name: 'The operator name' },
};

const UNREADABLE = 'The screen sent something the station could not read, and nothing was changed. Try again; if it keeps happening, call a supervisor.';

type Issue = z.core.$ZodIssue;

function sizeWords(issue: Issue, name: string): string | null {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return null;
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (issue.code === 'too_small') return bound <= 1 ? `${name}: write something here.` : `${name}: write at least ${bound} characters.`;
    return `${name}: keep it to ${bound} characters or fewer.`;
  }
  if (issue.origin === 'number') return `${name}: ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}.`;
  return null;
}

export function plainRequestIssue(issues: readonly Issue[]): PlainIssue {
  const issue = issues[0];
  if (issue === undefined) return { message: UNREADABLE };
  const field = issue.path.map(String).join('.');
  const words = FIELD_WORDS[field];
  if (words === undefined) return field === '' ? { message: UNREADABLE } : { field, message: UNREADABLE };
  if (issue.code === 'custom') return { field, message: `${words.name}: ${issue.message}` };
  const sized = sizeWords(issue, words.name);
  if (sized !== null) return { field, message: sized };
  if (words.example !== undefined) return { field, message: `${words.name} must be ${words.example}.` };
  return { field, message: `${words.name}: write it again in plain letters and numbers.` };
}
