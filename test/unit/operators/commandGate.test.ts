import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMAND_NAMES, type CommandName } from '../../../shared/contract/commandNames.ts';
import { COMMAND_ROLES, ROLES, mayRun, type Role } from '../../../shared/contract/commandRoles.ts';
import { gateHandlers } from '../../../electron/station/commandGate.ts';
import type { CommandHandlers } from '../../../electron/station/commandHandlers.ts';
import { StationError } from '../../../electron/station/stationError.ts';

/** A handler table that records which commands actually ran. */
function recordingHandlers(ran: CommandName[]): CommandHandlers {
  return Object.fromEntries(COMMAND_NAMES.map((name) => [name, () => {
    ran.push(name);
    return { ran: name };
  }])) as unknown as CommandHandlers;
}

type Step = { kind: 'become'; role: Role | null } | { kind: 'run'; name: CommandName };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Role | null>(null, ...ROLES).map((role) => ({ kind: 'become' as const, role })),
  fc.constantFrom(...COMMAND_NAMES).map((name) => ({ kind: 'run' as const, name })),
);

describe('the core enforces COMMAND_ROLES on every command', () => {
  it('over any sequence of sign-ins, sign-outs and commands, a command runs exactly when its role allows, else a typed refusal', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
      let role: Role | null = null;
      let touches = 0;
      const ran: CommandName[] = [];
      const gated = gateHandlers(recordingHandlers(ran), { role: () => role, touch: () => touches++ });
      for (const s of steps) {
        if (s.kind === 'become') {
          role = s.role;
          continue;
        }
        const before = ran.length;
        const touchesBefore = touches;
        let refusal: unknown = null;
        try {
          await (gated[s.name] as (req: unknown) => unknown)({});
        } catch (error) {
          refusal = error;
        }
        const allowed = mayRun(COMMAND_ROLES[s.name], role);
        expect(ran.length - before).toBe(allowed ? 1 : 0);
        if (allowed) expect(refusal).toBeNull();
        else {
          expect(refusal).toBeInstanceOf(StationError);
          expect((refusal as StationError).code).toBe(role === null ? 'SIGN_IN_REQUIRED' : 'LEAD_ONLY');
        }
        // Only a signed-in person's own commands keep the session alive.
        expect(touches - touchesBefore).toBe(allowed && COMMAND_ROLES[s.name] !== 'anyone' ? 1 : 0);
      }
    }));
  });

  it('the lead-only commands the issue names are lead-only, and signing in needs nobody', () => {
    for (const name of ['holds.release', 'holds.convertToReturn', 'settings.update', 'sync.deadLetters', 'operators.add', 'operators.update', 'operators.resetPin', 'operators.list'] as const) {
      expect(COMMAND_ROLES[name]).toBe('lead');
    }
    expect(COMMAND_ROLES['session.signIn']).toBe('anyone');
    expect(COMMAND_ROLES['intake.scan']).toBe('operator');
  });
});
