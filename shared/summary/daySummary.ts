/**
 * Builds the lead's day summary (shared/contract/summary.ts) from the day's intakes and the open holds. Pure: the
 * instant (`at`), the zone and the rows are given; the station reads them from its database.
 */
import type { DaySummary } from '../contract/summary.ts';
import type { Warehouse } from '../manifest/destinations.ts';
import type { Currency } from '../rules/money.ts';
import type { ReasonCode } from '../rules/reasonCodes.ts';
import { DEFAULT_HOLD_POLICY, expiredBucket, holdBucket, type HoldPolicy } from '../rules/holdAging.ts';
import type { Verdict } from '../rules/verdict.ts';
import { QUANTA_PER, type MassQ } from '../units/mass.ts';
import { bucketIndex, dayHourBuckets, localDay } from './zonedDay.ts';

/** What the summary needs of one intake. */
export interface SummaryIntake {
  readonly createdAt: number;
  readonly cancelled: boolean;
  readonly mass: MassQ | null;
  readonly typedWeight: boolean;
  readonly damaged: boolean;
  readonly destination: string | null;
  readonly verdict: Verdict | null;
  readonly operator: string;
}

/** What the summary needs of one open hold. */
export interface SummaryHold {
  readonly heldAt: number;
  readonly reasons: ReadonlyArray<{ readonly code: ReasonCode }>;
}

export interface DaySummaryInput {
  readonly date: string;
  readonly warehouse: Warehouse;
  readonly timeZone: string;
  readonly at: number;
  /** The intakes created in the day (others are ignored). */
  readonly intakes: readonly SummaryIntake[];
  readonly openHolds: readonly SummaryHold[];
  readonly holdPolicy?: HoldPolicy;
}

/** Weight bands in whole pounds: [from, to); the last is open-ended (over the 44 lb limit). */
export const WEIGHT_BANDS_LB: ReadonlyArray<readonly [number, number | null]> = [
  [0, 1], [1, 2], [2, 5], [5, 10], [10, 20], [20, 30], [30, 44], [44, null],
];

export function weightBandLabel([from, to]: readonly [number, number | null]): string {
  return to === null ? `${from} lb and over` : `${from}–${to} lb`;
}

/** The band of a mass (exact: compares quanta). */
export function weightBandIndex(mass: MassQ): number {
  const lb = Number(QUANTA_PER.lb);
  const i = WEIGHT_BANDS_LB.findIndex(([from, to]) => mass >= from * lb && (to === null || mass < to * lb));
  return i === -1 ? 0 : i;
}

const FLAGS_FOR_INSPECTION: ReadonlySet<ReasonCode> = new Set(['WEIGHT_MISMATCH', 'CONTENT_REVIEW']);

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function reasonCounts(map: Map<ReasonCode, number>): Array<{ code: ReasonCode; count: number }> {
  return [...map].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export function summarizeDay(input: DaySummaryInput): DaySummary {
  const policy = input.holdPolicy ?? DEFAULT_HOLD_POLICY;
  const day = localDay(input.date, input.timeZone);
  const buckets = dayHourBuckets(input.date, input.timeZone);
  const hourCounts = buckets.map(() => 0);
  const verdicts = { ACCEPT: 0, HOLD: 0, RETURN: 0, undecided: 0, setAside: 0 };
  const returns = new Map<ReasonCode, number>();
  const weights = WEIGHT_BANDS_LB.map(() => 0);
  const repricing = new Map<string, { destination: string; currency: Currency; parcels: number; deltaMinor: number }>();
  const operators = new Map<string, { operator: string; parcels: number; ACCEPT: number; HOLD: number; RETURN: number; typedWeights: number }>();
  let parcels = 0, cancelled = 0, typedWeights = 0, damaged = 0;

  for (const intake of input.intakes) {
    const hour = bucketIndex(buckets, intake.createdAt);
    if (hour === -1) continue;
    if (intake.cancelled) {
      cancelled++;
      continue;
    }
    parcels++;
    hourCounts[hour] = (hourCounts[hour] ?? 0) + 1;
    const op = operators.get(intake.operator) ?? { operator: intake.operator, parcels: 0, ACCEPT: 0, HOLD: 0, RETURN: 0, typedWeights: 0 };
    operators.set(intake.operator, op);
    op.parcels++;
    if (intake.typedWeight) {
      typedWeights++;
      op.typedWeights++;
    }
    if (intake.damaged) damaged++;
    if (intake.mass !== null) {
      const band = weightBandIndex(intake.mass);
      weights[band] = (weights[band] ?? 0) + 1;
    }
    const verdict = intake.verdict;
    if (verdict === null) {
      verdicts.undecided++;
      continue;
    }
    verdicts[verdict.decision]++;
    op[verdict.decision]++;
    if (verdict.decision === 'ACCEPT' && verdict.reasons.some((r) => FLAGS_FOR_INSPECTION.has(r.code))) verdicts.setAside++;
    if (verdict.decision === 'RETURN') for (const r of verdict.reasons) if (r.effect === 'RETURN') increment(returns, r.code);
    if (verdict.reprice !== null && verdict.decision !== 'RETURN') {
      const destination = intake.destination ?? 'unknown';
      const key = `${destination}/${verdict.reprice.currency}`;
      const row = repricing.get(key) ?? { destination, currency: verdict.reprice.currency, parcels: 0, deltaMinor: 0 };
      repricing.set(key, row);
      row.parcels++;
      row.deltaMinor += verdict.reprice.deltaMinor;
    }
  }

  const holdReasons = new Map<ReasonCode, number>();
  const ageBuckets = [...policy.buckets.map((b) => ({ bucket: b.id, label: b.label })), { bucket: expiredBucket(policy).id, label: expiredBucket(policy).label }];
  const ageCounts = new Map<string, number>(ageBuckets.map((b) => [b.bucket, 0]));
  for (const hold of input.openHolds) {
    for (const code of new Set(hold.reasons.map((r) => r.code))) increment(holdReasons, code);
    increment(ageCounts, holdBucket(hold.heldAt, input.at, policy).id);
  }

  return {
    date: input.date, warehouse: input.warehouse, timeZone: input.timeZone, start: day.start, end: day.end, at: input.at,
    parcels, cancelled, typedWeights, damaged,
    hours: buckets.map((b, i) => ({ label: b.label, start: b.start, count: hourCounts[i] ?? 0 })),
    verdicts,
    holdsByReason: reasonCounts(holdReasons),
    holdsByAge: ageBuckets.map((b) => ({ ...b, count: ageCounts.get(b.bucket) ?? 0 })),
    openHolds: input.openHolds.length,
    returnsByReason: reasonCounts(returns),
    weights: WEIGHT_BANDS_LB.map((band, i) => ({ label: weightBandLabel(band), count: weights[i] ?? 0 })),
    repricing: [...repricing.values()].sort((a, b) => a.destination.localeCompare(b.destination) || a.currency.localeCompare(b.currency)),
    operators: [...operators.values()].sort((a, b) => b.parcels - a.parcels || a.operator.localeCompare(b.operator)),
  };
}
