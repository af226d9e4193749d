/**
 * Prices one parcel on one rate card, exactly, and records every rule applied:
 *   1. DIM weight = L × W × H / divisor (if the card has a DIM rule, the parcel was measured and the trigger fires);
 *   2. chargeable = max(actual, DIM);
 *   3. billable = chargeable rounded UP to the card's increment, a remainder below the grace forgiven; at least the
 *      card's minimum;
 *   4. freight from the tariff (first + additional steps, or the step table);
 *   5. fuel = freight × fuel% rounded half up to the minor unit; total = freight + fuel.
 * All arithmetic is on BigInt rationals of mass quanta / nanometres: no floating point, no rounding except the
 * explicit steps above. The DIM weight stays an exact fraction until step 3.
 */
import { ceilDiv, parseExactDecimal, roundDiv } from '../units/decimal.ts';
import { NM_PER, ceilLengthToWhole, type Dimensions } from '../units/length.ts';
import { QUANTA_PER, type MassQ } from '../units/mass.ts';
import { lengthOf, massOf } from './amounts.ts';
import { formatMoney } from './money.ts';
import { lengthNumber, massText, rationalMassText } from './quantityText.ts';
import type { RateCard } from './rateCard.ts';

export const PRICE_RULES = ['actualWeight', 'dimWeight', 'chargeableWeight', 'rounding', 'minimum', 'tariff', 'fuel', 'total'] as const;
export type PriceRule = (typeof PRICE_RULES)[number];

export interface TraceStep {
  readonly rule: string;
  readonly detail: string;
}

export const DIM_STATUSES = ['no_dim_rule', 'not_measured', 'not_triggered', 'below_actual', 'applied'] as const;
export type DimStatus = (typeof DIM_STATUSES)[number];

export interface Quote {
  readonly cardId: string;
  readonly cardVersion: string;
  readonly currency: RateCard['currency'];
  readonly weightUnit: RateCard['weightUnit'];
  readonly actualMass: MassQ;
  /** The DIM weight rounded UP to a whole quantum (display only; the exact fraction was used), or null. */
  readonly dimMass: MassQ | null;
  readonly dimStatus: DimStatus;
  readonly billableMass: MassQ;
  readonly freightMinor: number;
  readonly fuelMinor: number;
  readonly totalMinor: number;
  readonly trace: readonly TraceStep[];
}

export type PriceError = { readonly code: 'BEYOND_RATE_TABLE'; readonly message: string; readonly trace: readonly TraceStep[] };
export type PriceResult = { readonly ok: true; readonly quote: Quote } | { readonly ok: false; readonly error: PriceError };

export interface PriceInput {
  readonly mass: MassQ;
  readonly dims: Dimensions | null;
}

/** Rounds num/den (quanta) up to a multiple of `inc`, forgiving a remainder strictly below `grace`. */
export function roundBillable(num: bigint, den: bigint, inc: bigint, grace: bigint): bigint {
  const q = num / (den * inc);
  const rem = num - q * den * inc;
  if (rem === 0n || rem < grace * den) return q * inc;
  return (q + 1n) * inc;
}

interface DimOutcome {
  status: DimStatus;
  num: bigint;
  den: bigint;
  detail: string;
}

function dimWeight(card: RateCard, input: PriceInput): DimOutcome {
  const unit = card.weightUnit;
  const rule = card.dimWeight;
  const actual = BigInt(input.mass);
  if (rule === null) return { status: 'no_dim_rule', num: 0n, den: 1n, detail: 'this card has no dimensional weight' };
  if (input.dims === null) return { status: 'not_measured', num: 0n, den: 1n, detail: 'no dimensions measured: DIM weight not applied' };
  const lu = rule.lengthUnit;
  const nm = NM_PER[lu];
  const raw = [input.dims.length, input.dims.width, input.dims.height];
  const sides = rule.dimensionRounding === 'ceilWholeUnit' ? raw.map((s) => BigInt(ceilLengthToWhole(s, lu)) * nm) : raw.map((s) => BigInt(s));
  const [l = 0n, w = 0n, h = 0n] = sides;
  const volume = l * w * h; // nm³
  const num = volume * QUANTA_PER[unit];
  const den = nm * nm * nm * BigInt(rule.divisor);
  const sideText = sides.map((s) => lengthNumber(Number(s), lu)).join(' × ');
  const volText = volumeText(volume, nm * nm * nm);
  const roundingText = rule.dimensionRounding === 'ceilWholeUnit' ? ` (each side rounded up to a whole ${lu})` : '';
  const formula = `${sideText} ${lu}${roundingText} = ${volText} ${lu}³ ÷ ${rule.divisor} = ${rationalMassText(num, den, unit)}`;
  const t = rule.trigger;
  let triggered: boolean;
  let why: string;
  switch (t.kind) {
    case 'always':
      triggered = true;
      why = 'DIM applies to every parcel';
      break;
    case 'anySideAtLeast': {
      const limit = BigInt(lengthOf(t.side.value, t.side.unit));
      const longest = sides.reduce((a, b) => (b > a ? b : a), 0n);
      triggered = longest >= limit;
      why = triggered ? `a side is at least ${t.side.value} ${t.side.unit}` : `no side is ${t.side.value} ${t.side.unit} or more`;
      break;
    }
    case 'volumeAbove': {
      const d = parseExactDecimal(t.volume);
      const unitVol = NM_PER[t.unit] ** 3n;
      triggered = d !== null && volume * 10n ** BigInt(d.scale) > d.digits * unitVol;
      why = triggered ? `the volume is above ${t.volume} ${t.unit}³` : `the volume is not above ${t.volume} ${t.unit}³`;
      break;
    }
  }
  if (!triggered) return { status: 'not_triggered', num, den, detail: `DIM ${formula}; not applied: ${why}` };
  if (num > actual * den) return { status: 'applied', num, den, detail: `DIM ${formula}; applies (${why}) and is above the actual weight` };
  return { status: 'below_actual', num, den, detail: `DIM ${formula}; ${why}, but it is not above the actual weight` };
}

/** Volume as text with at most 2 decimals. */
function volumeText(num: bigint, den: bigint): string {
  const v = roundDiv(num * 100n, den);
  const whole = v / 100n;
  const frac = v % 100n;
  return frac === 0n ? whole.toString() : `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}`;
}

export function priceParcel(card: RateCard, input: PriceInput): PriceResult {
  const unit = card.weightUnit;
  const money = (m: number) => formatMoney(m, card.currency);
  const trace: TraceStep[] = [];
  const actual = BigInt(input.mass);
  trace.push({ rule: 'actualWeight', detail: `actual weight ${massText(input.mass, unit)}` });

  const dim = dimWeight(card, input);
  trace.push({ rule: 'dimWeight', detail: dim.detail });
  const useDim = dim.status === 'applied';
  const cNum = useDim ? dim.num : actual;
  const cDen = useDim ? dim.den : 1n;
  trace.push({
    rule: 'chargeableWeight',
    detail: `chargeable weight ${rationalMassText(cNum, cDen, unit)} (${useDim ? 'DIM' : 'actual'}${dim.status === 'applied' || dim.status === 'below_actual' ? ', the larger of actual and DIM' : ''})`,
  });

  const inc = BigInt(massOf(card.rounding.increment, unit));
  const grace = BigInt(massOf(card.rounding.grace, unit));
  const minimum = BigInt(massOf(card.rounding.minimum, unit));
  const rounded = roundBillable(cNum, cDen, inc, grace);
  const graceText = grace > 0n ? `, a remainder under ${card.rounding.grace} ${unit} forgiven` : '';
  trace.push({ rule: 'rounding', detail: `rounded up to ${card.rounding.increment} ${unit} steps${graceText}: ${massText(Number(rounded), unit)}` });
  const billable = rounded < minimum ? minimum : rounded;
  if (minimum > 0n) {
    trace.push({
      rule: 'minimum',
      detail: rounded < minimum ? `raised to the minimum of ${card.rounding.minimum} ${unit}` : `minimum ${card.rounding.minimum} ${unit}: no change`,
    });
  }
  const billableText = massText(Number(billable), unit);

  const t = card.tariff;
  let freight: bigint;
  if (t.kind === 'firstAdditional') {
    const first = BigInt(massOf(t.firstWeight, unit));
    const step = BigInt(massOf(t.step, unit));
    const extra = billable > first ? ceilDiv(billable - first, step) : 0n;
    freight = BigInt(t.firstMinor) + extra * BigInt(t.additionalMinor);
    trace.push({
      rule: 'tariff',
      detail: `${billableText}: first ${t.firstWeight} ${unit} ${money(t.firstMinor)} + ${extra} × ${money(t.additionalMinor)} per ${t.step} ${unit} = ${money(Number(freight))}`,
    });
  } else {
    const band = t.steps.find((s) => BigInt(massOf(s.upTo, unit)) >= billable);
    if (band) {
      freight = BigInt(band.priceMinor);
      trace.push({ rule: 'tariff', detail: `${billableText}: band up to ${band.upTo} ${unit} = ${money(band.priceMinor)}` });
    } else {
      const last = t.steps[t.steps.length - 1];
      if (!t.beyond || !last) {
        const message = `${billableText} is above the heaviest band of ${card.cardId} ${card.version} (${last?.upTo ?? '?'} ${unit})`;
        trace.push({ rule: 'tariff', detail: message });
        return { ok: false, error: { code: 'BEYOND_RATE_TABLE', message, trace } };
      }
      const lastUpTo = BigInt(massOf(last.upTo, unit));
      const step = BigInt(massOf(t.beyond.step, unit));
      const extra = ceilDiv(billable - lastUpTo, step);
      freight = BigInt(last.priceMinor) + extra * BigInt(t.beyond.additionalMinor);
      trace.push({
        rule: 'tariff',
        detail: `${billableText}: band up to ${last.upTo} ${unit} ${money(last.priceMinor)} + ${extra} × ${money(t.beyond.additionalMinor)} per ${t.beyond.step} ${unit} = ${money(Number(freight))}`,
      });
    }
  }

  const pct = parseExactDecimal(card.fuelPercent);
  const fuel = pct === null || pct.digits === 0n ? 0n : roundDiv(freight * pct.digits, 100n * 10n ** BigInt(pct.scale));
  trace.push({ rule: 'fuel', detail: `fuel ${card.fuelPercent}% of ${money(Number(freight))} = ${money(Number(fuel))}${fuel > 0n ? ' (rounded half up to the minor unit)' : ''}` });
  const total = freight + fuel;
  trace.push({ rule: 'total', detail: `total ${money(Number(total))} (${card.cardId} version ${card.version})` });

  const dimMass = dim.status === 'no_dim_rule' || dim.status === 'not_measured' ? null : Number(ceilDiv(dim.num, dim.den));
  return {
    ok: true,
    quote: {
      cardId: card.cardId,
      cardVersion: card.version,
      currency: card.currency,
      weightUnit: unit,
      actualMass: input.mass,
      dimMass,
      dimStatus: dim.status,
      billableMass: Number(billable),
      freightMinor: Number(freight),
      fuelMinor: Number(fuel),
      totalMinor: Number(total),
      trace,
    },
  };
}
