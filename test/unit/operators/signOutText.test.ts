import { describe, expect, it } from 'vitest';
import { personLabel, signOutText } from '../../../renderer/operators/signOutText.ts';

describe('what the sign-in screen says about the last sign-out', () => {
  it('names the person and, for the idle sign-out, the minutes from the settings', () => {
    expect(signOutText(null)).toBeNull();
    expect(signOutText({ name: 'Dana Reyes', cause: 'idle', idleMinutes: 10, at: 0 })).toBe('Dana Reyes was signed out after 10 minutes without use. Sign in to go on.');
    expect(signOutText({ name: 'Dana Reyes', cause: 'idle', idleMinutes: 1, at: 0 })).toBe('Dana Reyes was signed out after 1 minute without use. Sign in to go on.');
    expect(signOutText({ name: 'Lee Park', cause: 'signedOut', idleMinutes: null, at: 0 })).toBe('Lee Park signed out.');
    expect(signOutText({ name: 'Sam', cause: 'operatorChanged', idleMinutes: null, at: 0 })).toContain('a lead changed their access');
    expect(personLabel({ operatorId: '1001', name: 'Dana Reyes', role: 'operator', signedInAt: 0 })).toBe('Dana Reyes · operator');
  });
});
