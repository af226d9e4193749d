/**
 * The one path from a transport to the station core: parse the request with the contract's schema, run the handler,
 * and turn every outcome into a Result. Nothing is thrown back to a transport.
 */
import { COMMANDS } from '../../shared/contract/commands.ts';
import { COMMAND_NAMES, type CommandName } from '../../shared/contract/commandNames.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import type { CommandHandlers } from './commandHandlers.ts';
import { StationError } from './stationError.ts';

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);
}

export interface DispatchLog {
  error(message: string, error: unknown): void;
}

export async function dispatchCommand(
  handlers: CommandHandlers,
  name: unknown,
  request: unknown,
  log: DispatchLog,
): Promise<Result<unknown>> {
  if (!isCommandName(name)) return fail('UNKNOWN_COMMAND', `Unknown command ${String(name)}.`);
  const parsed = COMMANDS[name].request.safeParse(request);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    return fail('INVALID_REQUEST', `${name}: ${issues}`);
  }
  try {
    const handler = handlers[name] as (req: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof StationError) return fail(error.code, error.message);
    log.error(`${name} failed`, error);
    return fail('INTERNAL', `${name} failed unexpectedly; the station log has the details.`);
  }
}
