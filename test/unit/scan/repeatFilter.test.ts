import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from '../../../renderer/scan/repeatFilter.ts';

describe('createRepeatFilter', () => {
  it('passes a code once while it stays in view, and again after it was out of view for the window', () => {
    const f = createRepeatFilter(1000);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('A', 500)).toBe(false);
    expect(f.accept('A', 1400)).toBe(false); // still in view: each sighting extends the window
    expect(f.accept('A', 2500)).toBe(true);
  });

  it('passes a different code at once', () => {
    const f = createRepeatFilter(1000);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('B', 10)).toBe(true);
    expect(f.accept('A', 20)).toBe(true);
  });
});
