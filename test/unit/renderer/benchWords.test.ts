/**
 * The bench's words, looks, keys and sounds: every error code has plain words that say what to do (including the
 * screen's own STATION_UNREACHABLE and the interlock's SCALE_PREVIOUS_LOAD); verdict looks tell "accept but set
 * aside" from a plain accept; no shortcut key is one a wedge scanner types or that cuts a scan short; the five
 * sounds are told apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '../../../shared/contract/errorCodes.ts';
import { COMMAND_NAMES } from '../../../shared/contract/commandNames.ts';
import { errorNotice } from '../../../renderer/intake/errorText.ts';
import { lookOf, presentVerdict, VERDICT_LOOKS } from '../../../renderer/intake/verdictLook.ts';
import { SHORTCUTS, shortcutOf } from '../../../renderer/keyboard/benchShortcuts.ts';
import { BENCH_SOUNDS, SOUND_PATTERNS } from '../../../renderer/sound/benchSounds.ts';
import { DEFAULT_WEDGE_CONFIG, feedWedgeKey, INITIAL_WEDGE_STATE, type WedgeState } from '../../../shared/scan/wedgeDetector.ts';
import { REASON_CODES } from '../../../shared/rules/reasonCodes.ts';

describe('error words', () => {
  it('every error code has a plain title, with no code, underscore or command name in it', () => {
    for (const code of ERROR_CODES) {
      const notice = errorNotice({ code, message: 'detail' });
      expect(notice.title, code).toMatch(/^[A-Z][^_]{8,}$/);
      expect(notice.title).not.toContain(code);
      for (const command of COMMAND_NAMES) expect(notice.title).not.toContain(command);
    }
    expect(new Set(ERROR_CODES.map((code) => errorNotice({ code, message: '' }).title)).size).toBeGreaterThan(15);
  });

  it('the screen\'s unreachable station and the previous parcel on the scale say what to do', () => {
    expect(errorNotice({ code: 'STATION_UNREACHABLE', message: 'timeout after 5000 ms' })).toEqual({
      title: 'The station is not answering — nothing was recorded', detail: 'Wait a moment: the screen reconnects by itself. Then do the last step again.', rescan: false,
    });
    expect(errorNotice({ code: 'SCALE_PREVIOUS_LOAD', message: 'm' }).title).toMatch(/take it off, then put this one on/);
    expect(errorNotice({ code: 'INVALID_CHECK_DIGIT', message: 'm' })).toMatchObject({ rescan: true });
  });

  it('codes whose station message is for support get fixed words, whatever the message says', () => {
    fc.assert(fc.property(fc.constantFrom('UNKNOWN_COMMAND', 'UNAUTHORIZED', 'STATION_UNREACHABLE', 'RATE_LIMITED', 'SCALE_NOT_SIMULATED') , fc.string(), (code, message) => {
      const { detail } = errorNotice({ code, message: `intake.setDimensions ${message}` });
      expect(detail).not.toContain('intake.setDimensions');
    }));
  });
});

describe('verdict looks', () => {
  const reason = (code: (typeof REASON_CODES)[number]) => ({ code, effect: 'FLAG' as const, message: '' });
  it('an ACCEPT flagged WEIGHT_MISMATCH or CONTENT_REVIEW is set aside; any other ACCEPT is a plain accept', () => {
    fc.assert(fc.property(fc.subarray([...REASON_CODES]), (codes) => {
      const look = lookOf({ decision: 'ACCEPT', reasons: codes.map(reason) });
      expect(look).toBe(codes.includes('WEIGHT_MISMATCH') || codes.includes('CONTENT_REVIEW') ? 'aside' : 'accept');
    }));
    expect(lookOf({ decision: 'HOLD', reasons: [reason('WEIGHT_MISMATCH')] })).toBe('hold');
    expect(lookOf({ decision: 'RETURN', reasons: [reason('CONTENT_REVIEW')] })).toBe('return');
  });
  it('each look has its own word and icon', () => {
    const shown = VERDICT_LOOKS.map((look) => presentVerdict(look === 'aside' ? { decision: 'ACCEPT', reasons: [reason('CONTENT_REVIEW')] } : { decision: look.toUpperCase() as 'ACCEPT', reasons: [] }));
    expect(shown.map((s) => s.look)).toEqual([...VERDICT_LOOKS]);
    expect(new Set(shown.map((s) => s.word)).size).toBe(4);
    expect(new Set(shown.map((s) => s.icon)).size).toBe(4);
  });
});

describe('shortcuts', () => {
  const key = (k: string, time: number) => ({ key: k, code: k, time, receivedAt: time });
  it('are distinct bare function keys that the wedge detector passes, idle or mid-burst, and never buffers', () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) {
      expect(s.key).toMatch(/^F([1-9]|1[0-2])$/);
      expect(feedWedgeKey(INITIAL_WEDGE_STATE, key(s.key, 0), DEFAULT_WEDGE_CONFIG).disposition).toBe('pass');
      let state: WedgeState = INITIAL_WEDGE_STATE;
      for (const [i, c] of [...'1Z4E81'].entries()) state = feedWedgeKey(state, key(c, i * 5), DEFAULT_WEDGE_CONFIG).state;
      const mid = feedWedgeKey(state, key(s.key, 30), DEFAULT_WEDGE_CONFIG);
      expect(mid.disposition).toBe('pass');
      expect(mid.state.phase).toBe('idle');
    }
  });
  it('a key with a modifier, a held-down key or anything a scanner types is no shortcut', () => {
    expect(shortcutOf({ key: 'F2', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, repeat: false })).toBe('focusScan');
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 1 }), fc.boolean(), (char, shift) => {
      expect(shortcutOf({ key: char, ctrlKey: false, altKey: false, metaKey: false, shiftKey: shift, repeat: false })).toBeNull();
    }));
    expect(shortcutOf({ key: 'Enter', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, repeat: false })).toBeNull();
    expect(shortcutOf({ key: 'F2', ctrlKey: true, altKey: false, metaKey: false, shiftKey: false, repeat: false })).toBeNull();
    expect(shortcutOf({ key: 'F9', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, repeat: true })).toBeNull();
  });
});

describe('sounds', () => {
  it('accept, set aside, hold, return and error each have their own pattern', () => {
    const signature = (s: (typeof BENCH_SOUNDS)[number]) => JSON.stringify(SOUND_PATTERNS[s]);
    expect(new Set(BENCH_SOUNDS.map(signature)).size).toBe(BENCH_SOUNDS.length);
    // Told apart by ear, not only by data: different tone counts or a first pitch at least a semitone away.
    for (const a of BENCH_SOUNDS) for (const b of BENCH_SOUNDS) {
      if (a >= b) continue;
      const [pa, pb] = [SOUND_PATTERNS[a].tones, SOUND_PATTERNS[b].tones];
      const apart = pa.length !== pb.length || Math.abs(Math.log2((pa[0]?.hz ?? 1) / (pb[0]?.hz ?? 1))) > 1 / 12;
      expect(apart, `${a} vs ${b}`).toBe(true);
    }
    for (const s of BENCH_SOUNDS) expect(SOUND_PATTERNS[s].tones.reduce((ms, t) => ms + t.ms + t.gapMs, 0)).toBeLessThanOrEqual(800);
  });
});
