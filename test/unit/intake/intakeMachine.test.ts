import { describe, expect, it } from 'vitest';
import { nextIntakeState, allowedActions } from '../../../shared/intake/intakeMachine.ts';

describe('intake state machine', () => {
  it.each([
    ['idle', 'scan', 'scanned'],
    ['ready', 'scan', 'scanned'],
    ['scanned', 'weigh', 'weighed'],
    ['scanned', 'setDimensions', 'scanned'],
    ['weighed', 'weigh', 'weighed'],
    ['weighed', 'decide', 'decided'],
    ['decided', 'print', 'printed'],
    ['decided', 'finish', 'ready'],
    ['printed', 'print', 'printed'],
    ['printed', 'finish', 'ready'],
    ['decided', 'weigh', 'weighed'],
    ['decided', 'reportDamage', 'weighed'],
    ['scanned', 'cancel', 'cancelled'],
    ['decided', 'cancel', 'cancelled'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextIntakeState(from, action)).toBe(to);
  });

  it.each([
    ['idle', 'weigh'],
    ['scanned', 'decide'],
    ['scanned', 'finish'],
    ['weighed', 'print'],
    ['printed', 'cancel'],
    ['printed', 'weigh'],
    ['ready', 'finish'],
    ['cancelled', 'weigh'],
    ['scanned', 'scan'],
  ] as const)('refuses %s --%s', (from, action) => {
    expect(nextIntakeState(from, action)).toBeNull();
  });

  it('never lets a parcel be decided without passing through weighed', () => {
    for (const state of ['idle', 'scanned', 'ready', 'cancelled', 'printed'] as const) {
      expect(allowedActions(state)).not.toContain('decide');
    }
  });
});
