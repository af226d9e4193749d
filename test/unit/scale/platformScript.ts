/**
 * A scripted scale platform for the interlock tests: what a worker does (put a parcel on, take it off quickly or
 * slowly, jiggle the platform, wait) becomes the readings a scale reports every 100 ms. Each load on the platform is
 * a distinct object, so a test can tell which parcel a captured weight physically came from.
 */
import type { ScaleReading, ScaleStatus } from '../../../shared/scale/reading.ts';
import { massFromDecimal, type MassQ } from '../../../shared/units/mass.ts';

export const TICK_MS = 100;
export const STEP: MassQ = massFromDecimal('0.01', 'lb')!;
export const lb = (text: string): MassQ => massFromDecimal(text, 'lb')!;

export interface Tick {
  readonly at: number;
  readonly reading: ScaleReading;
  /** The object on the platform (null: empty). */
  readonly object: number | null;
}

export type PlatformAction =
  | { readonly kind: 'place'; readonly mass: MassQ; readonly motionTicks: number; readonly stableTicks: number }
  | { readonly kind: 'remove'; readonly motionTicks: number; readonly zeroTicks: number }
  /** Taken off slowly: the weight falls in motion, with short steady pauses (shorter than `pauseTicks` ≤ settle). */
  | { readonly kind: 'slowRemove'; readonly steps: number; readonly pauseTicks: number; readonly zeroTicks: number }
  /** Knocked: motion, then steady again within one display step of the load. */
  | { readonly kind: 'jiggle'; readonly motionTicks: number; readonly offsetSteps: -1 | 0 | 1; readonly stableTicks: number }
  | { readonly kind: 'wait'; readonly ticks: number }
  /** The load stays, the platform swings through these values in motion (a swap seen by a damped scale). */
  | { readonly kind: 'swing'; readonly through: readonly MassQ[] };

export function createPlatform(start = 1_000_000) {
  let now = start;
  let load: MassQ = 0;
  let shown: MassQ = 0;
  let object: number | null = null;
  let nextObject = 1;
  const reading = (value: MassQ, status: ScaleStatus): ScaleReading => ({ value, unit: 'lb', resolution: STEP, status, mode: 'gross', at: now });
  const steady = (): ScaleReading => (shown <= 0 ? reading(0, 'zero') : reading(shown, 'stable'));
  const round = (m: number): MassQ => Math.round(m / STEP) * STEP;

  function* ticks(count: number, make: (i: number) => ScaleReading): Generator<Tick> {
    for (let i = 0; i < count; i++) {
      now += TICK_MS;
      yield { at: now, reading: make(i), object };
    }
  }

  function* run(action: PlatformAction): Generator<Tick> {
    switch (action.kind) {
      case 'place': {
        const from = shown;
        object = nextObject++;
        load = action.mass;
        yield* ticks(action.motionTicks, (i) => reading(round(from + ((load - from) * (i + 1)) / (action.motionTicks + 1)), 'motion'));
        shown = load;
        yield* ticks(action.stableTicks, steady);
        return;
      }
      case 'remove': {
        const from = shown;
        yield* ticks(action.motionTicks, (i) => reading(round((from * (action.motionTicks - i)) / (action.motionTicks + 1)), 'motion'));
        object = null;
        load = 0;
        shown = 0;
        yield* ticks(action.zeroTicks, steady);
        return;
      }
      case 'slowRemove': {
        const from = shown;
        for (let s = 1; s <= action.steps; s++) {
          shown = round((from * (action.steps - s)) / action.steps);
          if (shown === 0) break;
          yield* ticks(2, () => reading(shown, 'motion'));
          yield* ticks(action.pauseTicks, steady);
        }
        object = null;
        load = 0;
        shown = 0;
        yield* ticks(action.zeroTicks, steady);
        return;
      }
      case 'jiggle': {
        if (object === null) return yield* ticks(action.stableTicks, steady);
        yield* ticks(action.motionTicks, (i) => reading(load + (i % 2 === 0 ? 7 : -7) * STEP, 'motion'));
        shown = Math.max(STEP, load + action.offsetSteps * STEP);
        yield* ticks(action.stableTicks, steady);
        return;
      }
      case 'wait':
        yield* ticks(action.ticks, steady);
        return;
      case 'swing':
        yield* ticks(action.through.length, (i) => reading(action.through[i]!, action.through[i]! < 0 ? 'underZero' : 'motion'));
        return;
    }
  }

  return {
    run,
    now: () => now,
    /** Moves the clock between two readings (a scan happens between frames). */
    advance(ms: number) {
      now += ms;
    },
    object: () => object,
  };
}

export const place = (mass: string, stableTicks = 10, motionTicks = 4): PlatformAction => ({ kind: 'place', mass: lb(mass), motionTicks, stableTicks });
export const remove = (zeroTicks = 5, motionTicks = 3): PlatformAction => ({ kind: 'remove', motionTicks, zeroTicks });
export const wait = (ticks: number): PlatformAction => ({ kind: 'wait', ticks });
