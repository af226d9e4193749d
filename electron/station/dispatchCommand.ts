/**
 * The one path from a transport to the station core: parse the request with the contract's schema, run the handler,
 * and turn every outcome into a Result. Nothing is thrown back to a transport.
 */
import { randomUUID } from 'node:crypto';
import { COMMANDS } from '../../shared/contract/commands.ts';
import { COMMAND_NAMES, type CommandName } from '../../shared/contract/commandNames.ts';
import { fail, failOnField, ok, type Result } from '../../shared/contract/result.ts';
import { plainRequestIssue } from './plainRequestIssue.ts';
import type { CommandHandlers } from './commandHandlers.ts';
import { StationError } from './stationError.ts';

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);
}

/** Where an unexpected failure is written; `context.logId` is also in the error the worker sees. */
export interface DispatchLog {
  error(message: string, error: unknown, context: DispatchFailureContext): void;
}

export interface DispatchFailureContext {
  readonly logId: string;
  readonly command: CommandName;
  readonly intakeId?: string;
}

/** Short enough to read out over the phone, long enough to find one line in a station's logs. */
export function newLogId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8);
}

function intakeIdOf(request: unknown): string | undefined {
  const id = (request as { intakeId?: unknown } | null)?.intakeId;
  return typeof id === 'string' ? id : undefined;
}

/** A DispatchLog over the structured logger: one error line carrying the log id, the command and the intake. */
export function dispatchLogTo(logger: { error(fields: object, message: string): void }): DispatchLog {
  return { error: (message, error, context) => logger.error({ err: error, ...context }, message) };
}

export async function dispatchCommand(
  handlers: CommandHandlers,
  name: unknown,
  request: unknown,
  log: DispatchLog,
): Promise<Result<unknown>> {
  if (!isCommandName(name)) return fail('UNKNOWN_COMMAND', 'The screen asked the station for something it does not do. Reload the page; if it keeps happening, call a supervisor.');
  const parsed = COMMANDS[name].request.safeParse(request);
  if (!parsed.success) {
    // Plain words only: the command name and the schema's wording stay out of what the worker reads.
    const issue = plainRequestIssue(parsed.error.issues);
    return issue.field === undefined ? fail('INVALID_REQUEST', issue.message) : failOnField('INVALID_REQUEST', issue.field, issue.message);
  }
  try {
    const handler = handlers[name] as (req: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof StationError) return error.field === undefined ? fail(error.code, error.message) : failOnField(error.code, error.field, error.message);
    const intakeId = intakeIdOf(parsed.data);
    const logId = newLogId();
    log.error(`${name} failed`, error, intakeId === undefined ? { logId, command: name } : { logId, command: name, intakeId });
    return fail('INTERNAL', `Something went wrong on the station. Try again; if it happens again, call a supervisor and give the reference ${logId} — the station log has the details.`, logId);
  }
}
