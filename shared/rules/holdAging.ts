/**
 * The hold shelf's pure rules, with the clock injected (every function takes `now`):
 *   - age buckets (../shared/reference/domain.md §4.4): 0–2 days new, 3–7 chase, 8–14 escalate, 15–30 final notice, then expired;
 *   - a hold older than `expiryDays` (30 by default; strictly older) turns into a return (HOLD_EXPIRED);
 *   - a hold is released by itself when HQ reports what it waits for: the consignee ID received, duties paid.
 * Ages are whole days (floor) of elapsed milliseconds; expiry compares milliseconds, so exactly 30 days is not
 * expired and 30 days + 1 ms is.
 */
import { z } from 'zod';
import type { Destination } from '../manifest/destinations.ts';
import type { ManifestEntry } from '../manifest/manifestEntry.ts';
import type { ReasonDetail } from './reasonDetail.ts';
import { DEFAULT_DISPLAY_UNITS, reasonText, reasonWords, type DisplayUnits } from './reasonText.ts';
import type { ReasonCode } from './reasonCodes.ts';
import { ID_REASON_CODES, STATUS_REASON_CODES, dutiesReason, idReason } from './statusReasons.ts';
import type { Verdict, VerdictReason } from './verdict.ts';

export const DAY_MS = 86_400_000;

export const HoldPolicySchema = z
  .object({
    expiryDays: z.number().int().positive().max(365),
    /** Ascending: a hold aged d whole days falls in the first bucket with d ≤ maxDays. */
    buckets: z.array(z.object({ id: z.string().regex(/^[a-z_]{1,30}$/), label: z.string().min(1).max(60), maxDays: z.number().int().nonnegative() })).min(1),
  })
  .refine((p) => p.buckets.every((b, i, all) => i === 0 || b.maxDays > (all[i - 1]?.maxDays ?? -1)), 'bucket maxDays must go up')
  .refine((p) => (p.buckets.at(-1)?.maxDays ?? 0) >= p.expiryDays, 'the last bucket must reach the expiry age');
export type HoldPolicy = z.infer<typeof HoldPolicySchema>;

export const DEFAULT_HOLD_POLICY: HoldPolicy = {
  expiryDays: 30,
  buckets: [
    { id: 'new', label: 'New (0–2 days)', maxDays: 2 },
    { id: 'chase', label: 'Chase (3–7 days)', maxDays: 7 },
    { id: 'escalate', label: 'Escalate (8–14 days)', maxDays: 14 },
    { id: 'final_notice', label: 'Final notice (15–30 days)', maxDays: 30 },
  ],
};

export const EXPIRED_BUCKET = 'expired';

export function holdAgeDays(heldAt: number, now: number): number {
  return now <= heldAt ? 0 : Math.floor((now - heldAt) / DAY_MS);
}

/** The instant after which the hold is overdue. */
export function holdExpiresAt(heldAt: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY): number {
  return heldAt + policy.expiryDays * DAY_MS;
}

export function isHoldExpired(heldAt: number, now: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY): boolean {
  return now > holdExpiresAt(heldAt, policy);
}

/**
 * The latest whole-millisecond `heldAt` that is expired at `now`: a hold is expired exactly when heldAt ≤ this
 * (the cutoff a query over stored holds uses, so the store and isHoldExpired never disagree).
 */
export function latestExpiredHeldAt(now: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY): number {
  return now - policy.expiryDays * DAY_MS - 1;
}

export interface HoldBucket {
  readonly id: string;
  readonly label: string;
}

export function expiredBucket(policy: HoldPolicy): HoldBucket {
  return { id: EXPIRED_BUCKET, label: `Over ${policy.expiryDays} days: return to sender` };
}

export function holdBucket(heldAt: number, now: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY): HoldBucket {
  if (isHoldExpired(heldAt, now, policy)) return expiredBucket(policy);
  const days = holdAgeDays(heldAt, now);
  const b = policy.buckets.find((x) => days <= x.maxDays) ?? policy.buckets.at(-1);
  return b ? { id: b.id, label: b.label } : expiredBucket(policy);
}

/** One hold as the station lists it (the hold-shelf panel's row). */
export interface HoldListing {
  readonly holdId: string;
  readonly intakeId: string;
  readonly waybill: string | null;
  readonly destination: Destination | null;
  readonly location: string;
  readonly reasons: ReadonlyArray<Pick<VerdictReason, 'code' | 'message'>>;
  readonly heldAt: number;
  readonly ageDays: number;
  readonly expiresAt: number;
  readonly bucket: string;
}

export interface HoldBucketGroup {
  readonly bucket: string;
  readonly label: string;
  readonly holds: HoldListing[];
}

export type HoldRecord = Omit<HoldListing, 'ageDays' | 'expiresAt' | 'bucket'>;

/** Every bucket, oldest first (expired, final notice … new), each hold oldest first; empty buckets included. */
export function groupHoldsByAge(holds: readonly HoldRecord[], now: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY): HoldBucketGroup[] {
  const buckets = [expiredBucket(policy), ...[...policy.buckets].reverse().map((b) => ({ id: b.id, label: b.label }))];
  const groups = new Map(buckets.map((b) => [b.id, { bucket: b.id, label: b.label, holds: [] as HoldListing[] }]));
  const sorted = [...holds].sort((a, b) => a.heldAt - b.heldAt || a.holdId.localeCompare(b.holdId));
  for (const h of sorted) {
    const bucket = holdBucket(h.heldAt, now, policy);
    groups.get(bucket.id)?.holds.push({ ...h, ageDays: holdAgeDays(h.heldAt, now), expiresAt: holdExpiresAt(h.heldAt, policy), bucket: bucket.id });
  }
  return [...groups.values()];
}

export interface StatusChange {
  readonly consigneeIdStatus?: ManifestEntry['consigneeIdStatus'];
  readonly dutiesStatus?: ManifestEntry['dutiesStatus'];
}

export interface StatusChangeOutcome {
  /** The hold reasons after the change. */
  readonly remaining: VerdictReason[];
  readonly cleared: ReasonCode[];
  readonly added: ReasonCode[];
  /** True when nothing is left to wait for: release the hold. */
  readonly release: boolean;
}

/**
 * What an HQ status report does to a hold's reasons: the ID family (ID_MISSING / ID_INVALID) is recomputed when the
 * ID status is reported, the duties family when the duties status is; other reasons (NO_PREALERT, RESTRICTED_DOCS,
 * DECLARATION_INVALID) stay and need a person. Released when no reason is left.
 */
export function applyStatusToHold(
  reasons: readonly VerdictReason[],
  destination: Destination,
  change: StatusChange,
  units: DisplayUnits = DEFAULT_DISPLAY_UNITS,
): StatusChangeOutcome {
  const replaced = (code: ReasonCode) =>
    (change.consigneeIdStatus !== undefined && ID_REASON_CODES.has(code)) || (change.dutiesStatus !== undefined && code === 'DUTIES_UNPAID');
  const kept = reasons.filter((r) => !replaced(r.code));
  const fresh: ReasonDetail[] = [];
  if (change.consigneeIdStatus !== undefined) {
    const d = idReason(destination, change.consigneeIdStatus);
    if (d) fresh.push(d);
  }
  if (change.dutiesStatus !== undefined) {
    const d = dutiesReason(destination, change.dutiesStatus);
    if (d) fresh.push(d);
  }
  const freshReasons: VerdictReason[] = fresh.map((detail) => ({ code: detail.code, effect: 'HOLD', message: reasonText(detail, units), detail }));
  const remaining = [...kept, ...freshReasons];
  const before = new Set(reasons.map((r) => r.code));
  const after = new Set(remaining.map((r) => r.code));
  return {
    remaining,
    cleared: [...before].filter((c) => !after.has(c)),
    added: [...after].filter((c) => !before.has(c)),
    release: remaining.length === 0,
  };
}

/** Whether an HQ status report can ever release this hold by itself (it waits for an ID or duties only). */
export function waitsOnlyForHq(reasons: readonly Pick<VerdictReason, 'code'>[]): boolean {
  return reasons.length > 0 && reasons.every((r) => STATUS_REASON_CODES.has(r.code));
}

/** The verdict of a hold that expired: RETURN, HOLD_EXPIRED first, then what it was waiting for. */
export function expiredHoldVerdict(reasons: readonly VerdictReason[], heldAt: number, now: number, policy: HoldPolicy = DEFAULT_HOLD_POLICY, units: DisplayUnits = DEFAULT_DISPLAY_UNITS): Verdict {
  const detail: ReasonDetail = { code: 'HOLD_EXPIRED', heldAt, days: holdAgeDays(heldAt, now), limitDays: policy.expiryDays };
  return {
    decision: 'RETURN',
    // What it waited for stays listed, without its "put it on the hold shelf" instruction.
    reasons: [
      { code: 'HOLD_EXPIRED', effect: 'RETURN', message: reasonText(detail, units), detail },
      ...reasons.map((r) => (r.detail ? { ...r, message: reasonText(r.detail, units, { effect: r.effect, decision: 'RETURN' }) } : r)),
    ],
    reprice: null,
  };
}

/**
 * The verdict of a hold HQ released by itself (the ID received, the duties paid): ACCEPT, relabel and send on. The
 * parcel's price and its inspection flags stay; the HOLD reasons it waited for are gone.
 */
export function releasedHoldVerdict(held: Verdict): Verdict {
  return { decision: 'ACCEPT', reasons: held.reasons.filter((r) => r.effect === 'FLAG'), reprice: held.reprice };
}

/** The verdict of a hold a supervisor converts to a return: RETURN, the hold's reasons now returning it. */
export function convertedHoldVerdict(reasons: readonly VerdictReason[], units: DisplayUnits = DEFAULT_DISPLAY_UNITS): Verdict {
  return {
    decision: 'RETURN',
    reasons: reasons.map((r) => ({ ...r, effect: 'RETURN' as const, message: r.detail ? `${reasonWords(r.detail, units).what} Return to sender.` : r.message })),
    reprice: null,
  };
}
