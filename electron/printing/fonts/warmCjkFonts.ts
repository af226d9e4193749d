/**
 * Loads the label fonts (cjkFonts.ts) in the background after the station opens, so the first label with a name in
 * Chinese, Japanese or Korean does not wait for a font to be read, unpacked and parsed (0.5–2 s on a slow
 * station). One font per timer turn, so scale readings and commands run between them; the timers do not keep the
 * process alive, and stop() ends the warm-up early (a station that closes). A font that cannot be loaded is
 * logged and skipped: the label that needs it then reports the missing font itself (renderDocument.ts).
 */
import type { Logger } from 'pino';
import type { NativeScript } from '../../../shared/manifest/nativeScript.ts';
import { CJK_FONT_KEYS, cjkFont } from './cjkFonts.ts';

/** A few characters of each script: laying them out makes fontkit parse the tables a label line needs. */
const SAMPLES: Readonly<Record<NativeScript, string>> = { 'zh-Hans': '北京市王芳', 'zh-Hant': '臺北市陳美玲', ja: '東京都やまだ', ko: '서울시김민준' };

export interface FontWarmUp {
  /** Resolves when every font was tried (or the warm-up was stopped): how many are loaded, how many failed. */
  readonly done: Promise<{ readonly loaded: number; readonly failed: number }>;
  stop(): void;
}

export interface WarmOptions {
  /** Before the first font, so the station's own start-up goes first. */
  readonly startDelayMs?: number;
  /** Loads one font (a port for tests). */
  readonly load?: (script: NativeScript, bold: boolean) => void;
}

const loadAndLayout = (script: NativeScript, bold: boolean): void => {
  cjkFont(script, bold).font.layout(SAMPLES[script]);
};

export function warmCjkFonts(log: Pick<Logger, 'warn' | 'debug'>, options: WarmOptions = {}): FontWarmUp {
  const load = options.load ?? loadAndLayout;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let loaded = 0;
  let failed = 0;
  const started = performance.now();
  let stopEarly = (): void => undefined;
  const done = new Promise<{ loaded: number; failed: number }>((resolve) => {
    const step = (index: number): void => {
      const key = CJK_FONT_KEYS[index];
      if (stopped || key === undefined) {
        if (!stopped) log.debug({ loaded, failed, ms: Math.round(performance.now() - started) }, 'label fonts loaded ahead of the first label');
        resolve({ loaded, failed });
        return;
      }
      try {
        load(key.script, key.bold);
        loaded += 1;
      } catch (error) {
        failed += 1;
        log.warn({ err: error, script: key.script, bold: key.bold }, 'could not load a label font ahead of time: the first label that needs it will say so');
      }
      timer = setTimeout(() => step(index + 1), 0);
      timer.unref();
    };
    timer = setTimeout(() => step(0), options.startDelayMs ?? 0);
    timer.unref();
    stopEarly = () => {
      clearTimeout(timer);
      resolve({ loaded, failed });
    };
  });
  return {
    done,
    stop() {
      stopped = true;
      stopEarly();
    },
  };
}
