/**
 * Zod helpers for text crossing the station contract, so every transport (IPC, WebSocket, the serial scanner's
 * path) applies the same text hygiene (shared/text/cleanText.ts) and the same length bounds (limits.ts):
 *  - workerText: what a person typed (names, notes, reasons). Hidden control, direction or zero-width characters and
 *    broken characters are refused with a plain message; nothing is silently changed apart from trimming.
 *  - scanText: what a scanner or camera read. Such characters are stripped (a worker cannot retype a scanner's
 *    bytes); GS and RS separators are kept; what is left must not be empty. The stripped text is what gets stored.
 */
import { z } from 'zod';
import { describeTextProblem, findTextProblem, stripUnsafeText } from '../text/cleanText.ts';
import { maskFreeText } from '../privacy/maskFreeText.ts';

export interface WorkerTextBounds {
  readonly min: number;
  readonly max: number;
  /** A note may hold line breaks and tabs. */
  readonly multiline?: boolean;
}

export function workerText(bounds: WorkerTextBounds) {
  const policy = { keepLineBreaks: bounds.multiline === true };
  return z
    .string()
    .max(bounds.max, `Keep this to ${bounds.max} characters or fewer.`)
    .superRefine((text, ctx) => {
      const found = findTextProblem(text, policy);
      if (found) ctx.addIssue({ code: 'custom', message: describeTextProblem(found), params: { textProblem: found.problem } });
    })
    // ID numbers and phone numbers in what a person typed are masked before anything stores it (shared/privacy/).
    .transform((text) => maskFreeText(text.trim()))
    .pipe(z.string().min(bounds.min, bounds.min <= 1 ? 'Write something here.' : `Write at least ${bounds.min} characters.`));
}

export function scanText(max: number) {
  return z
    .string()
    .max(max, `A scan holds at most ${max} characters; this is not a label. Scan the label again.`)
    .transform((raw) => stripUnsafeText(raw, { keepScanSeparators: true }))
    .pipe(z.string().min(1, 'The scan was empty. Scan the label again.'));
}
