/**
 * A code held in front of the camera is decoded on every frame. This filter lets a text through once and then drops
 * it while it keeps being seen (each sighting extends the window), so one label gives one scan.
 * A different text, or the same text after `windowMs` without a sighting, passes again.
 */
export interface RepeatFilter {
  /** True when this sighting should become a scan. */
  accept(text: string, now: number): boolean;
}

export function createRepeatFilter(windowMs: number): RepeatFilter {
  let lastText: string | undefined;
  let lastSeen = Number.NEGATIVE_INFINITY;
  return {
    accept(text, now) {
      const repeat = text === lastText && now - lastSeen < windowMs;
      lastText = text;
      lastSeen = now;
      return !repeat;
    },
  };
}
