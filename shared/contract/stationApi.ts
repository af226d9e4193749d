/**
 * The one interface the renderer talks to, whatever the transport (Electron IPC or the browser-mode WebSocket).
 */
import type { Result } from './result.ts';
import type { CommandName, EventName } from './commandNames.ts';
import type { CommandRequest, CommandResponse } from './commands.ts';
import type { EventData } from './events.ts';

export interface StationClient {
  call<N extends CommandName>(name: N, request: CommandRequest<N>): Promise<Result<CommandResponse<N>>>;
  /** Returns the function that unsubscribes. */
  subscribe<E extends EventName>(event: E, listener: (data: EventData<E>) => void): () => void;
}
