/**
 * Selection logic of the hold-shelf panel, kept out of the component so it is plain, testable functions.
 */
import { NOTE_MIN_LENGTH } from '../../shared/contract/limits.ts';
import type { HoldBucketGroup } from '../../shared/rules/holdAging.ts';


export function toggleHold(selected: ReadonlySet<string>, holdId: string): Set<string> {
  const next = new Set(selected);
  if (next.has(holdId)) next.delete(holdId);
  else next.add(holdId);
  return next;
}

/** Selects every hold of a bucket, or clears them all if they were all selected already. */
export function toggleBucket(selected: ReadonlySet<string>, group: HoldBucketGroup): Set<string> {
  const next = new Set(selected);
  const ids = group.holds.map((h) => h.holdId);
  const allSelected = ids.length > 0 && ids.every((id) => next.has(id));
  for (const id of ids) {
    if (allSelected) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** Drops selected ids that are no longer on the shelf (released or returned meanwhile). */
export function pruneSelection(selected: ReadonlySet<string>, groups: readonly HoldBucketGroup[]): Set<string> {
  const present = new Set(groups.flatMap((g) => g.holds.map((h) => h.holdId)));
  return new Set([...selected].filter((id) => present.has(id)));
}

export function canSubmitBatch(selected: ReadonlySet<string>, note: string, busy: boolean): boolean {
  return !busy && selected.size > 0 && note.trim().length >= NOTE_MIN_LENGTH;
}

export function ageText(days: number): string {
  return days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}
