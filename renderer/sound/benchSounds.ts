/**
 * The bench's sounds, generated with Web Audio (no files): one distinct pattern each for accept, set aside, hold,
 * return and error, so a worker hears the verdict without looking. The patterns are data (tested for being told
 * apart); `playBenchSound` plays one at the station's volume, or not at all when muted.
 */
export const BENCH_SOUNDS = ['accept', 'aside', 'hold', 'return', 'error'] as const;
export type BenchSound = (typeof BENCH_SOUNDS)[number];

/** One tone of a pattern: frequency in Hz, length in ms, the silence after it in ms. */
export interface Tone {
  readonly hz: number;
  readonly ms: number;
  readonly gapMs: number;
}

export const SOUND_PATTERNS: Readonly<Record<BenchSound, { readonly wave: OscillatorType; readonly tones: readonly Tone[] }>> = {
  /** One short high chirp, rising: all good. */
  accept: { wave: 'sine', tones: [{ hz: 880, ms: 90, gapMs: 20 }, { hz: 1320, ms: 120, gapMs: 0 }] },
  /** Three even mid beeps: accepted, but look at it. */
  aside: { wave: 'triangle', tones: [{ hz: 988, ms: 90, gapMs: 70 }, { hz: 988, ms: 90, gapMs: 70 }, { hz: 988, ms: 90, gapMs: 0 }] },
  /** Two long mid tones, falling: to the shelf. */
  hold: { wave: 'triangle', tones: [{ hz: 660, ms: 260, gapMs: 90 }, { hz: 523, ms: 260, gapMs: 0 }] },
  /** Three low falling tones: back to the sender. */
  return: { wave: 'square', tones: [{ hz: 440, ms: 180, gapMs: 60 }, { hz: 349, ms: 180, gapMs: 60 }, { hz: 262, ms: 320, gapMs: 0 }] },
  /** A low buzz: something needs the worker. */
  error: { wave: 'sawtooth', tones: [{ hz: 185, ms: 450, gapMs: 0 }] },
};

export interface SoundSettings {
  readonly volume: number;
  readonly muted: boolean;
}

let context: AudioContext | null = null;

/** Plays a pattern; silently nothing when muted, at volume 0, or where the page has no audio at all. */
export function playBenchSound(sound: BenchSound, settings: SoundSettings): void {
  if (settings.muted || settings.volume <= 0 || typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  if (ctx.state === 'suspended') void ctx.resume();
  const { wave, tones } = SOUND_PATTERNS[sound];
  let at = ctx.currentTime + 0.01;
  for (const tone of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = wave;
    osc.frequency.value = tone.hz;
    const end = at + tone.ms / 1000;
    // A short ramp in and out: no clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(settings.volume * 0.4, at + 0.01);
    gain.gain.setValueAtTime(settings.volume * 0.4, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(end);
    at = end + tone.gapMs / 1000;
  }
}
