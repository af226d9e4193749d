/**
 * One handler per contract command. The type makes a missing or mistyped handler a compile error; tests check at
 * run time that the Electron main registers exactly these.
 */
import type { CommandName } from '../../shared/contract/commandNames.ts';
import type { CommandResponse, ParsedRequest } from '../../shared/contract/commands.ts';

export type CommandHandlers = {
  readonly [N in CommandName]: (request: ParsedRequest<N>) => CommandResponse<N> | Promise<CommandResponse<N>>;
};
