/**
 * The core's enforcement of shared/contract/commandRoles.ts: wraps the handler table every transport uses (IPC,
 * WebSocket, tests), so a command sent by any client is refused with a typed error when the person signed in may
 * not run it — not merely hidden on the screen. A command run by a signed-in person counts as activity for the
 * idle sign-out.
 */
import { COMMAND_ROLES, mayRun, type Role } from '../../shared/contract/commandRoles.ts';
import { COMMAND_NAMES, type CommandName } from '../../shared/contract/commandNames.ts';
import type { CommandHandlers } from './commandHandlers.ts';
import { StationError } from './stationError.ts';

export interface GateSession {
  role(): Role | null;
  touch(): void;
}

export function refusalFor(name: CommandName, role: Role | null): StationError | null {
  const access = COMMAND_ROLES[name];
  if (mayRun(access, role)) return null;
  if (role === null) return new StationError('SIGN_IN_REQUIRED', 'Nobody is signed in at this station. Sign in with your operator id and PIN, then do it again.');
  return new StationError('LEAD_ONLY', 'Only a lead can do this. Ask a lead to sign in at this station.');
}

export function gateHandlers(handlers: CommandHandlers, session: GateSession): CommandHandlers {
  const gated: Partial<Record<CommandName, (request: never) => unknown>> = {};
  for (const name of COMMAND_NAMES) {
    const handler = handlers[name] as (request: unknown) => unknown;
    gated[name] = (request: unknown) => {
      const refusal = refusalFor(name, session.role());
      if (refusal) throw refusal;
      if (COMMAND_ROLES[name] !== 'anyone') session.touch();
      return handler(request);
    };
  }
  return gated as CommandHandlers;
}
