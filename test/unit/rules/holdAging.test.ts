import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_MS,
  DEFAULT_HOLD_POLICY,
  HoldPolicySchema,
  applyStatusToHold,
  convertedHoldVerdict,
  expiredHoldVerdict,
  groupHoldsByAge,
  holdAgeDays,
  holdBucket,
  isHoldExpired,
  latestExpiredHeldAt,
  releasedHoldVerdict,
  waitsOnlyForHq,
  type HoldRecord,
} from '../../../shared/rules/holdAging.ts';
import type { Verdict, VerdictReason } from '../../../shared/rules/verdict.ts';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;

describe('age buckets (clock injected)', () => {
  it.each([
    [0, 'new'],
    [2 * DAY_MS + 23 * HOUR, 'new'], // 2 whole days
    [3 * DAY_MS, 'chase'],
    [7 * DAY_MS + 23 * HOUR, 'chase'],
    [8 * DAY_MS, 'escalate'],
    [14 * DAY_MS + 23 * HOUR, 'escalate'],
    [15 * DAY_MS, 'final_notice'],
    [30 * DAY_MS, 'final_notice'], // exactly 30 days: not yet older than 30 days
    [30 * DAY_MS + 1, 'expired'],
    [45 * DAY_MS, 'expired'],
  ])('held for %i ms → %s', (elapsed, bucket) => {
    expect(holdBucket(T0, T0 + elapsed).id).toBe(bucket);
  });
  it('a clock that went backwards counts as age 0, not negative', () => {
    expect(holdAgeDays(T0, T0 - DAY_MS)).toBe(0);
    expect(holdBucket(T0, T0 - DAY_MS).id).toBe('new');
  });
  it('expiry is configurable', () => {
    const policy = HoldPolicySchema.parse({ ...DEFAULT_HOLD_POLICY, expiryDays: 14, buckets: DEFAULT_HOLD_POLICY.buckets.slice(0, 3) });
    expect(isHoldExpired(T0, T0 + 14 * DAY_MS, policy)).toBe(false);
    expect(isHoldExpired(T0, T0 + 14 * DAY_MS + 1, policy)).toBe(true);
    expect(holdBucket(T0, T0 + 15 * DAY_MS, policy).label).toBe('Over 14 days: return to sender');
  });
  it('refuses a policy whose buckets do not reach the expiry age', () => {
    expect(HoldPolicySchema.safeParse({ expiryDays: 30, buckets: [{ id: 'new', label: 'New', maxDays: 2 }] }).success).toBe(false);
  });
});

describe('groupHoldsByAge', () => {
  const rec = (holdId: string, ageMs: number, now: number): HoldRecord => ({
    holdId,
    intakeId: `i-${holdId}`,
    waybill: null,
    destination: null,
    location: `H-01-${holdId}`,
    reasons: [{ code: 'NO_PREALERT', message: 'x' }],
    heldAt: now - ageMs,
  });
  it('lists every bucket oldest first, each hold oldest first, with age and expiry', () => {
    const now = T0 + 100 * DAY_MS;
    const groups = groupHoldsByAge([rec('a', 1 * DAY_MS, now), rec('b', 31 * DAY_MS, now), rec('c', 20 * DAY_MS, now), rec('d', 2 * DAY_MS, now)], now);
    expect(groups.map((g) => [g.bucket, g.holds.map((h) => h.holdId)])).toEqual([
      ['expired', ['b']],
      ['final_notice', ['c']],
      ['escalate', []],
      ['chase', []],
      ['new', ['d', 'a']],
    ]);
    expect(groups[1]?.holds[0]).toMatchObject({ ageDays: 20, expiresAt: now - 20 * DAY_MS + 30 * DAY_MS, bucket: 'final_notice' });
  });
});

describe('auto-release on HQ status (applyStatusToHold)', () => {
  const reason = (code: VerdictReason['code']): VerdictReason => ({ code, effect: 'HOLD', message: code });
  it('ID received releases an ID-only hold', () => {
    expect(applyStatusToHold([reason('ID_MISSING')], 'CN', { consigneeIdStatus: 'received' })).toMatchObject({ release: true, cleared: ['ID_MISSING'], added: [], remaining: [] });
  });
  it('duties paid releases a duties-only hold', () => {
    expect(applyStatusToHold([reason('DUTIES_UNPAID')], 'JP', { dutiesStatus: 'paid' }).release).toBe(true);
  });
  it('an ID that turns out invalid keeps the hold, with the new reason', () => {
    const out = applyStatusToHold([reason('ID_MISSING')], 'KR', { consigneeIdStatus: 'invalid' });
    expect(out).toMatchObject({ release: false, cleared: ['ID_MISSING'], added: ['ID_INVALID'] });
    expect(out.remaining.map((r) => r.code)).toEqual(['ID_INVALID']);
  });
  it('both ID and duties: one report is not enough', () => {
    const out = applyStatusToHold([reason('ID_MISSING'), reason('DUTIES_UNPAID')], 'TW', { consigneeIdStatus: 'received' });
    expect(out.release).toBe(false);
    expect(out.remaining.map((r) => r.code)).toEqual(['DUTIES_UNPAID']);
    expect(applyStatusToHold(out.remaining, 'TW', { dutiesStatus: 'paid' }).release).toBe(true);
  });
  it('reasons a person must clear stay (NO_PREALERT, RESTRICTED_DOCS, DECLARATION_INVALID)', () => {
    const out = applyStatusToHold([reason('ID_MISSING'), reason('RESTRICTED_DOCS')], 'KR', { consigneeIdStatus: 'received', dutiesStatus: 'paid' });
    expect([out.release, out.remaining.map((r) => r.code)]).toEqual([false, ['RESTRICTED_DOCS']]);
    expect(waitsOnlyForHq([reason('ID_MISSING'), reason('DUTIES_UNPAID')])).toBe(true);
    expect(waitsOnlyForHq([reason('NO_PREALERT')])).toBe(false);
  });
  it('a status that does not concern the hold changes nothing', () => {
    expect(applyStatusToHold([reason('ID_MISSING')], 'CN', { dutiesStatus: 'paid' })).toMatchObject({ release: false, cleared: [], added: [] });
  });
  it('expired hold verdict: RETURN with HOLD_EXPIRED first and the age in days', () => {
    const v = expiredHoldVerdict([reason('DUTIES_UNPAID')], T0, T0 + 31 * DAY_MS);
    expect(v.decision).toBe('RETURN');
    expect(v.reasons.map((r) => r.code)).toEqual(['HOLD_EXPIRED', 'DUTIES_UNPAID']);
    expect(v.reasons[0]?.message).toBe('On the hold shelf for 31 days; the limit is 30. Return to sender.');
  });
});

describe('returned holds are worded as returns', () => {
  const detail = { code: 'ID_MISSING', destination: 'CN', manifestStatus: 'missing' } as const;
  const held: VerdictReason = { code: 'ID_MISSING', effect: 'HOLD', message: 'old words', detail };
  it('expired: the ID reason keeps its effect but loses the hold-shelf instruction', () => {
    const v = expiredHoldVerdict([held], T0, T0 + 40 * DAY_MS);
    expect(v.reasons[1]).toMatchObject({ code: 'ID_MISSING', effect: 'HOLD', message: "No consignee ID yet: China customs need the receiver's ID." });
  });
  it('converted by a supervisor: every reason now returns the parcel', () => {
    const v = convertedHoldVerdict([held, { code: 'NO_PREALERT', effect: 'HOLD', message: 'kept as stored' }]);
    expect(v.decision).toBe('RETURN');
    expect(v.reasons.map((r) => [r.effect, r.message])).toEqual([
      ['RETURN', "No consignee ID yet: China customs need the receiver's ID. Return to sender."],
      ['RETURN', 'kept as stored'],
    ]);
  });
});

describe('the expiry cutoff a store query uses (latestExpiredHeldAt)', () => {
  it('a hold is expired exactly when it was held at or before the cutoff, for any policy and instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -60 * DAY_MS, max: 60 * DAY_MS }), fc.integer({ min: 1, max: 365 }), (heldAt, elapsed, expiryDays) => {
        const policy = { ...DEFAULT_HOLD_POLICY, expiryDays };
        const now = heldAt + elapsed;
        expect(heldAt <= latestExpiredHeldAt(now, policy)).toBe(isHoldExpired(heldAt, now, policy));
      }),
    );
  });
  it('exactly 30 days is not past the cutoff, 30 days + 1 ms is', () => {
    expect(latestExpiredHeldAt(T0 + 30 * DAY_MS)).toBe(T0 - 1);
    expect(latestExpiredHeldAt(T0 + 30 * DAY_MS + 1)).toBe(T0);
  });
});

describe('a hold HQ released by itself (releasedHoldVerdict)', () => {
  const reprice = { currency: 'USD', estimateMinor: 1000, priceMinor: 1150, deltaMinor: 150, billableMass: 5, rateCardId: 'c', rateCardVersion: '1' } as const;
  const flag: VerdictReason = { code: 'CONTENT_REVIEW', effect: 'FLAG', message: 'Check the contents.' };
  const held: Verdict = {
    decision: 'HOLD',
    reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No ID yet.' }, flag, { code: 'DUTIES_UNPAID', effect: 'HOLD', message: 'Duties unpaid.' }],
    reprice,
  };
  it('is ACCEPT, keeps the price and the inspection flags, drops what it waited for', () => {
    expect(releasedHoldVerdict(held)).toEqual({ decision: 'ACCEPT', reasons: [flag], reprice });
  });
  it('follows an HQ status report that leaves nothing to wait for', () => {
    const outcome = applyStatusToHold(held.reasons.filter((r) => r.effect === 'HOLD'), 'CN', { consigneeIdStatus: 'received', dutiesStatus: 'paid' });
    expect(outcome).toMatchObject({ release: true, cleared: ['ID_MISSING', 'DUTIES_UNPAID'] });
    expect(releasedHoldVerdict(held).decision).toBe('ACCEPT');
  });
});
