/**
 * The notices the banner shows: the newest first, at most a few, each gone after its time or when dismissed. Pure,
 * so it is tested without a browser.
 */
import type { Notice } from '../../shared/contract/notices.ts';

/** How long a notice stays up by itself. */
export const NOTICE_SHOW_MS = 30_000;
/** How many notices are shown at once (the newest). */
export const NOTICE_MAX = 3;

export interface ShownNotice {
  readonly notice: Notice;
  /** When it goes away by itself (the screen's clock). */
  readonly until: number;
}

export function addNotice(list: readonly ShownNotice[], notice: Notice, now: number): ShownNotice[] {
  const rest = list.filter((s) => s.notice.noticeId !== notice.noticeId);
  return [{ notice, until: now + NOTICE_SHOW_MS }, ...rest].slice(0, NOTICE_MAX);
}

export function dismissNotice(list: readonly ShownNotice[], noticeId: string): ShownNotice[] {
  return list.filter((s) => s.notice.noticeId !== noticeId);
}

export function expireNotices(list: readonly ShownNotice[], now: number): ShownNotice[] {
  return list.filter((s) => s.until > now);
}

/** When the next notice expires (null: none shown). */
export function nextExpiry(list: readonly ShownNotice[]): number | null {
  return list.length === 0 ? null : Math.min(...list.map((s) => s.until));
}
