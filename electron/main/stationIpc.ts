/**
 * Registers one ipcMain handler per contract command. Each handler only (a) checks the sender frame's origin,
 * (b) parses the payload with the contract schema and (c) runs the station handler, returning a Result — no logic
 * of its own. Typed against a minimal slice of ipcMain so tests can pass a stand-in.
 */
import { COMMAND_NAMES, EVENT_NAMES, commandChannel, eventChannel } from '../../shared/contract/commandNames.ts';
import { fail, type Result } from '../../shared/contract/result.ts';
import type { CommandHandlers } from '../station/commandHandlers.ts';
import { dispatchCommand, type DispatchLog } from '../station/dispatchCommand.ts';
import type { StationEvents } from '../station/stationEvents.ts';
import { sameOrigin } from './appOrigin.ts';

export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, payload: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export function isTrustedSender(event: IpcInvokeEventLike, appOrigin: string): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && sameOrigin(url, appOrigin);
}

export function registerStationIpc(ipcMain: IpcMainLike, handlers: CommandHandlers, appOrigin: string, log: DispatchLog): () => void {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(name), async (event, payload) => {
      if (!isTrustedSender(event, appOrigin)) return fail('UNAUTHORIZED', 'This frame may not call the station.');
      return dispatchCommand(handlers, name, payload, log);
    });
  }
  return () => COMMAND_NAMES.forEach((name) => ipcMain.removeHandler(commandChannel(name)));
}

export interface WebContentsLike {
  send(channel: string, data: unknown): void;
  isDestroyed(): boolean;
}

/** Forwards every station event stream to the window. */
export function forwardStationEvents(events: StationEvents, target: WebContentsLike): () => void {
  return events.subscribeAll((event, data) => {
    if (!target.isDestroyed()) target.send(eventChannel(event), data);
  }, EVENT_NAMES);
}
