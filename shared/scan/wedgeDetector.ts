/**
 * Keyboard-wedge scan detection as a pure state machine (../shared/reference/hardware.md §4.1, ../shared/reference/barcodes.md §3.4).
 *
 * A USB scanner in keyboard mode "types" its data much faster than a person. Feed every keydown as a WedgeKey; the
 * machine says whether to swallow or pass that key now, and emits effects:
 *  - `scan`: a burst of keys was a scan (its keys were all swallowed and must not reach any field);
 *  - `release`: keys that were held back turned out to be human typing; the caller replays them, in order, before
 *    letting the current key through.
 * A burst is a run of printable keys with every gap ≤ maxInterKeyMs. It is a scan when it starts with the configured
 * prefix and has at least minLength data characters, and either ends with a suffix key (Enter by default) or, with
 * completeOnTimeout, simply stops. Anything else in a burst (editing keys, shortcuts, auto-repeat, IME) ends it as
 * typing. Holding a key back costs a typist about maxInterKeyMs of latency (plus one timer turn).
 *
 * Every key is held from the first one of a burst; the burst is decided only at its suffix key, at a key that cannot
 * belong to it, or once the keys have stopped — never part-way through.
 *
 * Two clocks, one time base (performance.now()'s origin):
 *  - key times are when the OS created each key (KeyboardEvent.timeStamp), not when JavaScript handled it. A busy
 *    event loop delays the handling of a burst's keys, then delivers them all at once, but their timestamps keep the
 *    scanner's own gaps, so gaps are always measured on key times;
 *  - handling time (`receivedAt`, and a tick's `now`) is when JavaScript saw a key or ran a timer. A burst ends by
 *    silence only when no key has been handled for maxInterKeyMs, so keys delivered late but one after another are
 *    not cut off. A timer that finds that silence may itself have run just after a busy spell, ahead of keys that
 *    were queued during it, so it decides nothing yet: it marks the silence (`silentSince`), wedgeDeadline() becomes
 *    "now", and the caller's next timer — a later task, so the queued keys are handled first — confirms it. Any key
 *    handled in between clears the mark. Keys created after the first check are outside the burst's window anyway.
 * The caller calls `tickWedge` from a timer just after `wedgeDeadline()`, each call in its own task; an overdue burst
 * is also decided when the next key arrives.
 */
import { z } from 'zod';

export const GROUP_SEPARATOR = '\u001d';

export const WedgeConfigSchema = z.object({
  /** Minimum data characters (after the prefix, before the suffix) for a burst to count as a scan. */
  minLength: z.number().int().min(1).max(200).default(6),
  /** Largest gap between two keys of one scan. */
  maxInterKeyMs: z.number().positive().max(1000).default(50),
  /** Characters the scanner is programmed to send before the data ('' = none). Stripped from the scan. */
  prefix: z.string().max(8).default(''),
  /** KeyboardEvent.key values that end a scan (and are not part of it). */
  suffixKeys: z.array(z.string().min(1)).max(4).default(['Enter']),
  /** Whether a fast burst with no suffix key still becomes a scan once the keys stop. */
  completeOnTimeout: z.boolean().default(true),
  /** A printable character the scanner sends in place of GS (0x1D), turned back into GS ('' = none). */
  groupSeparatorAlias: z.string().max(1).default(''),
});
export type WedgeConfig = z.infer<typeof WedgeConfigSchema>;

export const DEFAULT_WEDGE_CONFIG: WedgeConfig = WedgeConfigSchema.parse({});

/** One keydown, reduced to what detection needs. */
export interface WedgeKey {
  /** KeyboardEvent.key */
  readonly key: string;
  /** KeyboardEvent.code (physical key); Ctrl + BracketRight is how wedge scanners type GS. */
  readonly code?: string;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** KeyboardEvent.repeat: a key held down. Scanners never auto-repeat. */
  readonly repeat?: boolean;
  /** KeyboardEvent.isComposing (IME). */
  readonly isComposing?: boolean;
  /** When the key was created (KeyboardEvent.timeStamp), ms on a monotonic clock. */
  readonly time: number;
  /** When JavaScript handled it, same clock (performance.now()); omitted: `time`. */
  readonly receivedAt?: number;
}

export type WedgeState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'collecting';
      readonly keys: readonly WedgeKey[];
      /** Creation time of the newest key: gaps between keys are measured on this clock. */
      readonly lastTime: number;
      /** Handling time of the newest key: silence (a burst with no suffix ending) is measured on this clock. */
      readonly lastReceivedAt: number;
      /** When a tick first found the burst silent; the next tick confirms (null: not yet). */
      readonly silentSince: number | null;
    };

export const INITIAL_WEDGE_STATE: WedgeState = { phase: 'idle' };

export interface WedgeScanEffect {
  readonly type: 'scan';
  /** The scan data: prefix and suffix removed, GS alias turned into GS. */
  readonly text: string;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The keys that made up the scan (all swallowed), prefix included, suffix excluded. */
  readonly keys: readonly WedgeKey[];
}

export interface WedgeReleaseEffect {
  readonly type: 'release';
  /** Held-back keys to replay as ordinary typing, oldest first. */
  readonly keys: readonly WedgeKey[];
}

export type WedgeEffect = WedgeScanEffect | WedgeReleaseEffect;

export interface WedgeFeedResult {
  readonly state: WedgeState;
  /** What to do with the key just fed, after applying `effects` in order. */
  readonly disposition: 'swallow' | 'pass';
  readonly effects: readonly WedgeEffect[];
}

export interface WedgeTickResult {
  readonly state: WedgeState;
  readonly effects: readonly WedgeEffect[];
}

const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

type KeyClass =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'suffix' }
  | { readonly kind: 'modifier' }
  | { readonly kind: 'other' };

function classifyKey(k: WedgeKey, config: WedgeConfig): KeyClass {
  if (MODIFIER_KEYS.has(k.key)) return { kind: 'modifier' };
  if (k.repeat === true || k.isComposing === true) return { kind: 'other' };
  const ctrlOnly = k.ctrlKey === true && k.altKey !== true && k.metaKey !== true;
  if (ctrlOnly && (k.code === 'BracketRight' || k.key === ']')) return { kind: 'char', char: GROUP_SEPARATOR };
  if (config.suffixKeys.includes(k.key) && k.ctrlKey !== true && k.altKey !== true && k.metaKey !== true) return { kind: 'suffix' };
  // AltGr arrives as Ctrl+Alt on Windows and still types a character.
  const altGr = k.ctrlKey === true && k.altKey === true;
  if ((k.ctrlKey === true || k.altKey === true || k.metaKey === true) && !altGr) return { kind: 'other' };
  if ([...k.key].length === 1) return { kind: 'char', char: k.key };
  return { kind: 'other' };
}

function charOf(k: WedgeKey, config: WedgeConfig): string {
  const c = classifyKey(k, config);
  return c.kind === 'char' ? c.char : '';
}

/** Data characters of a burst: prefix removed, GS alias mapped to GS. */
function dataOf(keys: readonly WedgeKey[], config: WedgeConfig): string {
  const chars = keys.map((k) => charOf(k, config)).join('').slice(config.prefix.length);
  return config.groupSeparatorAlias === '' ? chars : chars.replaceAll(config.groupSeparatorAlias, GROUP_SEPARATOR);
}

function isScan(keys: readonly WedgeKey[], config: WedgeConfig): boolean {
  const chars = keys.map((k) => charOf(k, config)).join('');
  return chars.startsWith(config.prefix) && chars.length - config.prefix.length >= config.minLength;
}

function scanEffect(keys: readonly WedgeKey[], config: WedgeConfig): WedgeScanEffect {
  return { type: 'scan', text: dataOf(keys, config), startedAt: keys[0]?.time ?? 0, endedAt: keys[keys.length - 1]?.time ?? 0, keys };
}

/** Can this character open a burst? Printable non-space characters and GS; with a prefix, only its first character. */
function opensBurst(char: string, config: WedgeConfig): boolean {
  if (config.prefix !== '') return char === config.prefix.charAt(0);
  return char === GROUP_SEPARATOR || char.trim() !== '';
}

/** Decides a burst whose keys have stopped. */
function settle(keys: readonly WedgeKey[], config: WedgeConfig): WedgeEffect {
  return config.completeOnTimeout && isScan(keys, config) ? scanEffect(keys, config) : { type: 'release', keys };
}

/** A burst holding `held` and then `newest`. */
function collecting(held: readonly WedgeKey[], newest: WedgeKey): WedgeState {
  return { phase: 'collecting', keys: [...held, newest], lastTime: newest.time, lastReceivedAt: newest.receivedAt ?? newest.time, silentSince: null };
}

function feedIdle(key: WedgeKey, config: WedgeConfig): WedgeFeedResult {
  const c = classifyKey(key, config);
  if (c.kind === 'char' && opensBurst(c.char, config)) {
    return { state: collecting([], key), disposition: 'swallow', effects: [] };
  }
  return { state: INITIAL_WEDGE_STATE, disposition: 'pass', effects: [] };
}

export function feedWedgeKey(state: WedgeState, key: WedgeKey, config: WedgeConfig): WedgeFeedResult {
  const c = classifyKey(key, config);
  if (c.kind === 'modifier') return { state, disposition: 'pass', effects: [] };
  if (state.phase === 'idle') return feedIdle(key, config);

  if (key.time - state.lastTime > config.maxInterKeyMs) {
    const settled = settle(state.keys, config);
    const next = feedIdle(key, config);
    return { ...next, effects: [settled, ...next.effects] };
  }

  const keys = state.keys;
  switch (c.kind) {
    case 'char': {
      const position = keys.length;
      if (position < config.prefix.length && c.char !== config.prefix.charAt(position)) {
        const next = feedIdle(key, config);
        return { ...next, effects: [{ type: 'release', keys }, ...next.effects] };
      }
      return { state: collecting(keys, key), disposition: 'swallow', effects: [] };
    }
    case 'suffix':
      if (isScan(keys, config)) return { state: INITIAL_WEDGE_STATE, disposition: 'swallow', effects: [scanEffect(keys, config)] };
      return { state: INITIAL_WEDGE_STATE, disposition: 'pass', effects: [{ type: 'release', keys }] };
    case 'other':
      return { state: INITIAL_WEDGE_STATE, disposition: 'pass', effects: [{ type: 'release', keys }] };
  }
}

/**
 * The end of the current burst's window on the handling clock (null: nothing pending). A gap of more than maxInterKeyMs
 * ends a burst, so call tickWedge after this (e.g. 1 ms after; at once if it is already past).
 */
export function wedgeDeadline(state: WedgeState, config: WedgeConfig): number | null {
  if (state.phase === 'idle') return null;
  return state.silentSince ?? state.lastReceivedAt + config.maxInterKeyMs;
}

/** A timer ran at `now` (handling clock): marks a silent burst, or decides one whose silence was already marked. */
export function tickWedge(state: WedgeState, now: number, config: WedgeConfig): WedgeTickResult {
  if (state.phase === 'idle' || now - state.lastReceivedAt <= config.maxInterKeyMs) return { state, effects: [] };
  if (state.silentSince === null) return { state: { ...state, silentSince: now }, effects: [] };
  return { state: INITIAL_WEDGE_STATE, effects: [settle(state.keys, config)] };
}

/** Ends any burst as typing (e.g. when the listener is removed): nothing held back is lost. */
export function flushWedge(state: WedgeState): WedgeTickResult {
  if (state.phase === 'idle') return { state, effects: [] };
  return { state: INITIAL_WEDGE_STATE, effects: [{ type: 'release', keys: state.keys }] };
}

/** A small stateful wrapper over the pure functions, for callers that keep one detector per listener. */
export class WedgeDetector {
  readonly config: WedgeConfig;
  #state: WedgeState = INITIAL_WEDGE_STATE;

  constructor(config: Partial<WedgeConfig> = {}) {
    this.config = WedgeConfigSchema.parse(config);
  }

  get state(): WedgeState {
    return this.#state;
  }

  feed(key: WedgeKey): Omit<WedgeFeedResult, 'state'> {
    const r = feedWedgeKey(this.#state, key, this.config);
    this.#state = r.state;
    return { disposition: r.disposition, effects: r.effects };
  }

  tick(now: number): readonly WedgeEffect[] {
    const r = tickWedge(this.#state, now, this.config);
    this.#state = r.state;
    return r.effects;
  }

  deadline(): number | null {
    return wedgeDeadline(this.#state, this.config);
  }

  flush(): readonly WedgeEffect[] {
    const r = flushWedge(this.#state);
    this.#state = r.state;
    return r.effects;
  }
}
