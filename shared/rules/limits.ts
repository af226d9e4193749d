/**
 * Acceptance limits: 44 lb and 59 in by default, both INCLUSIVE (44.00 lb passes, 44.01 lb does not; a 59.0 in side
 * passes, 59.1 in does not). The size rule is configurable per destination (through its rate card):
 *   longest_side       the longest of L, W, H (default; UPU "Standard 1" single-side reading of "59 inches")
 *   three_side_sum     L + W + H
 *   length_plus_girth  longest + 2 × (the other two)
 * Every comparison is on exact integers (mass quanta, nanometres), so the unit a value was typed in never matters.
 */
import { z } from 'zod';
import type { Dimensions, LengthNm } from '../units/length.ts';
import type { MassQ } from '../units/mass.ts';
import { LengthAmountSchema, MassAmountSchema, lengthOf, massOf, type LengthAmount, type MassAmount } from './amounts.ts';
import type { ReasonCode } from './reasonCodes.ts';

export const SIZE_RULES = ['longest_side', 'three_side_sum', 'length_plus_girth'] as const;
export type SizeRule = (typeof SIZE_RULES)[number];

export const LimitsConfigSchema = z.object({
  maxWeight: MassAmountSchema,
  maxSize: LengthAmountSchema,
  sizeRule: z.enum(SIZE_RULES),
});
export type LimitsConfig = z.infer<typeof LimitsConfigSchema>;

/** ECMS's published consumer limits (FAQ 3.1; ../shared/reference/domain.md §3, §7.1). */
export const DEFAULT_LIMITS_CONFIG: LimitsConfig = {
  maxWeight: { value: '44', unit: 'lb' },
  maxSize: { value: '59', unit: 'in' },
  sizeRule: 'longest_side',
};

/** Limits with exact values, ready to compare. `source` says where they came from, for the rule trace. */
export interface AcceptanceLimits {
  readonly maxMass: MassQ;
  readonly maxSize: LengthNm;
  readonly sizeRule: SizeRule;
  /** As written in the reference data, for messages and traces. */
  readonly maxWeightText: MassAmount;
  readonly maxSizeText: LengthAmount;
  readonly source: 'default' | 'rateCard';
}

export function resolveLimits(config: LimitsConfig, source: AcceptanceLimits['source']): AcceptanceLimits {
  return {
    maxMass: massOf(config.maxWeight.value, config.maxWeight.unit),
    maxSize: lengthOf(config.maxSize.value, config.maxSize.unit),
    sizeRule: config.sizeRule,
    maxWeightText: config.maxWeight,
    maxSizeText: config.maxSize,
    source,
  };
}

export const DEFAULT_LIMITS: AcceptanceLimits = resolveLimits(DEFAULT_LIMITS_CONFIG, 'default');

/** The three size measures a supervisor sees for every parcel (../shared/reference/domain.md §3), in nanometres. */
export interface SizeMeasures {
  readonly longestSide: LengthNm;
  readonly threeSideSum: LengthNm;
  readonly lengthPlusGirth: LengthNm;
}

export function sizeMeasures(dims: Dimensions): SizeMeasures {
  const sides = [dims.length, dims.width, dims.height].sort((a, b) => b - a);
  const [a = 0, b = 0, c = 0] = sides;
  return { longestSide: a, threeSideSum: a + b + c, lengthPlusGirth: a + 2 * (b + c) };
}

export function sizeByRule(dims: Dimensions, rule: SizeRule): LengthNm {
  const m = sizeMeasures(dims);
  switch (rule) {
    case 'longest_side':
      return m.longestSide;
    case 'three_side_sum':
      return m.threeSideSum;
    case 'length_plus_girth':
      return m.lengthPlusGirth;
  }
}

export interface WeightCheck {
  readonly limit: 'weight';
  readonly status: 'pass' | 'fail';
  readonly measured: MassQ;
  readonly max: MassQ;
  readonly codes: ReasonCode[];
}

export interface SizeCheck {
  readonly limit: 'size';
  readonly status: 'pass' | 'fail' | 'not_measured';
  readonly rule: SizeRule;
  readonly measured: LengthNm | null;
  readonly max: LengthNm;
  readonly measures: SizeMeasures | null;
  readonly codes: ReasonCode[];
}

export type LimitCheck = WeightCheck | SizeCheck;

/** Both limit checks, inclusive (≤ passes). Dimensions may be missing: the size check is then "not_measured". */
export function checkLimits(mass: MassQ, dims: Dimensions | null, limits: AcceptanceLimits): [WeightCheck, SizeCheck] {
  const weightPass = mass <= limits.maxMass;
  const weight: WeightCheck = {
    limit: 'weight',
    status: weightPass ? 'pass' : 'fail',
    measured: mass,
    max: limits.maxMass,
    codes: weightPass ? [] : ['OVERWEIGHT'],
  };
  if (dims === null) {
    return [weight, { limit: 'size', status: 'not_measured', rule: limits.sizeRule, measured: null, max: limits.maxSize, measures: null, codes: [] }];
  }
  const measured = sizeByRule(dims, limits.sizeRule);
  const sizePass = measured <= limits.maxSize;
  return [
    weight,
    {
      limit: 'size',
      status: sizePass ? 'pass' : 'fail',
      rule: limits.sizeRule,
      measured,
      max: limits.maxSize,
      measures: sizeMeasures(dims),
      codes: sizePass ? [] : ['OVERSIZE'],
    },
  ];
}
