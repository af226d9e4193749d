/**
 * useWedgeScanner: turns keyboard-wedge scanner bursts into scans, whichever control has focus.
 *
 * Listens for keydown on the document in the capture phase (before React and before the focused field). Keys that
 * may belong to a scan are held back (preventDefault + stopImmediatePropagation), so a scan never lands in the
 * focused field; when the timing shows they were typed by a person, they are replayed in order: a synthetic keydown
 * for the page's own key handlers, then the character inserted at the caret of the focused editable field.
 * All timing decisions are made by the pure state machine in shared/scan/wedgeDetector.ts.
 *
 * Elements inside `[data-wedge-passthrough]` receive keys untouched (no scan detection there).
 */
import { useEffect, useRef } from 'react';
import {
  feedWedgeKey,
  flushWedge,
  GROUP_SEPARATOR,
  INITIAL_WEDGE_STATE,
  tickWedge,
  wedgeDeadline,
  WedgeConfigSchema,
  type WedgeConfig,
  type WedgeEffect,
  type WedgeKey,
  type WedgeState,
} from '../../shared/scan/wedgeDetector.ts';

export interface WedgeScan {
  /** The scanned text: prefix/suffix removed, GS (0x1D) preserved; pass it to classifyScan. */
  readonly text: string;
  readonly source: 'wedge';
  /** Timestamps (performance.now() clock) of the first and last key. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface WedgeScannerOptions extends Partial<WedgeConfig> {
  /** Default true. When false nothing is intercepted. */
  readonly enabled?: boolean;
}

interface HeldKey {
  readonly wedge: WedgeKey;
  readonly target: EventTarget | null;
  readonly shiftKey: boolean;
}

/** Synthetic keydowns we dispatch while replaying typing; the listener lets them through. */
const replayed = new WeakSet<Event>();

const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

function isEditable(el: Element | null): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el instanceof HTMLElement && el.isContentEditable;
}

function inPassthrough(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-wedge-passthrough]') !== null;
}

/** Replays one held-back key as ordinary typing. */
function replayKey(held: HeldKey): void {
  const target = held.target instanceof Node && held.target.isConnected ? held.target : document.activeElement ?? document.body;
  const synthetic = new KeyboardEvent('keydown', {
    key: held.wedge.key,
    code: held.wedge.code ?? '',
    ctrlKey: held.wedge.ctrlKey ?? false,
    altKey: held.wedge.altKey ?? false,
    metaKey: held.wedge.metaKey ?? false,
    shiftKey: held.shiftKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  replayed.add(synthetic);
  const notCancelled = target.dispatchEvent(synthetic);
  const active = document.activeElement;
  const char = held.wedge.key;
  if (notCancelled && [...char].length === 1 && char !== GROUP_SEPARATOR && isEditable(active)) {
    // insertText goes through the browser's editing path: caret, selection, undo, beforeinput/input events (React).
    document.execCommand('insertText', false, char);
  }
}

export function useWedgeScanner(onScan: (scan: WedgeScan) => void, options: WedgeScannerOptions = {}): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  const { enabled = true, ...configInput } = options;
  // Re-subscribe only when the configuration really changes.
  const configKey = JSON.stringify(configInput);

  useEffect(() => {
    if (!enabled) return undefined;
    const config = WedgeConfigSchema.parse(JSON.parse(configKey) as unknown);
    let state: WedgeState = INITIAL_WEDGE_STATE;
    let held: HeldKey[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;

    const apply = (effects: readonly WedgeEffect[]) => {
      for (const effect of effects) {
        // held mirrors the detector's buffered keys, oldest first; each effect settles the oldest ones.
        const mine = held.slice(0, effect.keys.length);
        held = held.slice(effect.keys.length);
        if (effect.type === 'scan') {
          onScanRef.current({ text: effect.text, source: 'wedge', startedAt: effect.startedAt, endedAt: effect.endedAt });
        } else {
          for (const key of mine) replayKey(key);
        }
      }
    };

    // Each tick runs in its own timer task: a burst found silent is only decided by the next one, after any keys that
    // were queued behind the first (a busy loop) have been handled.
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const deadline = wedgeDeadline(state, config);
      if (deadline === null) return;
      timer = setTimeout(() => {
        timer = undefined;
        const r = tickWedge(state, performance.now(), config);
        state = r.state;
        apply(r.effects);
        schedule();
      }, Math.max(0, deadline - performance.now()) + 1);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (replayed.has(event)) return;
      if (state.phase === 'idle' && inPassthrough(event.target)) return;
      const key: WedgeKey = {
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        isComposing: event.isComposing,
        // When the OS created the key, not when it was handled: a busy loop delays handling, not this.
        time: event.timeStamp,
        receivedAt: performance.now(),
      };
      const r = feedWedgeKey(state, key, config);
      state = r.state;
      // A key that was buffered is the newest held key unless the burst just ended.
      const bufferedNow = r.state.phase === 'collecting' && r.disposition === 'swallow';
      if (bufferedNow) held.push({ wedge: key, target: event.target, shiftKey: event.shiftKey });
      if (r.disposition === 'swallow') {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      apply(r.effects);
      schedule();
    };

    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      document.removeEventListener('keydown', onKeyDown, { capture: true });
      if (timer !== undefined) clearTimeout(timer);
      const r = flushWedge(state);
      state = r.state;
      apply(r.effects);
    };
  }, [enabled, configKey]);
}
