/**
 * In-page paint timing for the screen benchmarks (issue 17). Added as a Playwright init script, it defines
 * `window.paintProbe`:
 *   - `firstScreenAt`: the wall-clock time (ms since the epoch) the first screen was painted: the sign-in screen
 *     with the station's info in it (the station id shows "·"), watched from the document's start;
 *   - `arm(name, keyTarget, wanted)`: marks `<name>-start` (performance.mark) at the next Enter keydown on the element
 *     with that data-testid, then, on every DOM change, checks `wanted` (elements that must be there, each by a CSS
 *     selector and, if given, its exact text; no eval, which the page's CSP forbids); once they are, it waits for the frame to be painted (requestAnimationFrame, then a task after that frame) and
 *     marks `<name>-painted`, and resolves with the measure between the two marks, in ms.
 * Written as plain browser code (no imports): it is serialised into the page.
 */

export interface Wanted {
  readonly selector: string;
  readonly text?: string;
}

export interface PaintProbe {
  firstScreenAt: number | null;
  arm(name: string, keyTarget: string, wanted: readonly Wanted[]): Promise<number>;
}

/** Resolves after the frame with the current DOM is painted: rAF runs before the paint, a task posted from it after. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

function watch(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return false;
      observer.disconnect();
      resolve();
      return true;
    };
    const observer = new MutationObserver(() => void test());
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    test();
  });
}

export function installPaintProbe(): void {
  const probe: PaintProbe = {
    firstScreenAt: null,
    arm(name, keyTarget, wanted) {
      const holds = () => wanted.every((w) => {
        const el = document.querySelector(w.selector);
        return el !== null && (w.text === undefined || (el.textContent ?? '').trim() === w.text);
      });
      return new Promise<number>((resolve) => {
        const onKey = (e: KeyboardEvent) => {
          if (e.key !== 'Enter' || (e.target as HTMLElement | null)?.dataset['testid'] !== keyTarget) return;
          window.removeEventListener('keydown', onKey, true);
          performance.mark(`${name}-start`);
          void watch(holds).then(afterPaint).then(() => {
            performance.mark(`${name}-painted`);
            const m = performance.measure(name, `${name}-start`, `${name}-painted`);
            performance.clearMarks(`${name}-start`);
            performance.clearMarks(`${name}-painted`);
            performance.clearMeasures(name);
            resolve(m.duration);
          });
        };
        window.addEventListener('keydown', onKey, true);
      });
    },
  };
  (window as unknown as { paintProbe: PaintProbe }).paintProbe = probe;
  const firstScreen = () => document.querySelector('[data-testid="sign-in-id"]') !== null && (document.querySelector('[data-testid="station-id"]')?.textContent ?? '').includes('·');
  void watch(firstScreen).then(afterPaint).then(() => {
    probe.firstScreenAt = performance.timeOrigin + performance.now();
  });
}

/** The init script's source: both helpers and the installer, run at the document's start. */
export const PAINT_PROBE_SCRIPT = `${afterPaint.toString()}\n${watch.toString()}\n(${installPaintProbe.toString()})();`;
