/**
 * The sandboxed preload: exposes exactly the contract as window.ecms — one function per command, one subscribe
 * function per event stream, each bound to its own channel. Nothing generic, no ipcRenderer passthrough.
 * Bundled into one file (the sandbox allows no multi-file require).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_NAMES, EVENT_NAMES, commandChannel, eventChannel } from '../../shared/contract/commandNames.ts';
import { PRELOAD_GLOBAL, type PreloadApi, type WireResult } from '../../shared/contract/preloadApi.ts';

const commands = Object.fromEntries(
  COMMAND_NAMES.map((name) => {
    const channel = commandChannel(name);
    return [name, (request: unknown): Promise<WireResult> => ipcRenderer.invoke(channel, request) as Promise<WireResult>];
  }),
) as PreloadApi['commands'];

const events = Object.fromEntries(
  EVENT_NAMES.map((name) => {
    const channel = eventChannel(name);
    return [
      name,
      (listener: (data: unknown) => void) => {
        const wrapped = (_event: IpcRendererEvent, data: unknown) => listener(data);
        ipcRenderer.on(channel, wrapped);
        return () => void ipcRenderer.removeListener(channel, wrapped);
      },
    ];
  }),
) as PreloadApi['events'];

const api: PreloadApi = Object.freeze({ commands: Object.freeze(commands), events: Object.freeze(events) });
contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
