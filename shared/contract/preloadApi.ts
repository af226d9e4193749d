/**
 * What the Electron preload exposes as `window.ecms`: one function per contract command and one subscribe function
 * per event stream — nothing generic. Built from COMMAND_NAMES / EVENT_NAMES, each bound to its own channel.
 */
import type { CommandName, EventName } from './commandNames.ts';
import type { StationErrorData } from './result.ts';

export type WireResult = { ok: true; data: unknown } | { ok: false; error: StationErrorData };

export interface PreloadApi {
  readonly commands: Readonly<Record<CommandName, (request: unknown) => Promise<WireResult>>>;
  readonly events: Readonly<Record<EventName, (listener: (data: unknown) => void) => () => void>>;
}

export const PRELOAD_GLOBAL = 'ecms';
