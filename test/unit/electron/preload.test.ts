import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, EVENT_NAMES, commandChannel, eventChannel } from '../../../shared/contract/commandNames.ts';
import { COMMANDS } from '../../../shared/contract/commands.ts';
import { EVENTS } from '../../../shared/contract/events.ts';
import type { PreloadApi } from '../../../shared/contract/preloadApi.ts';

const exposed = new Map<string, unknown>();
const invoked: Array<[string, unknown]> = [];
const subscribed: string[] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => { invoked.push([channel, payload]); return Promise.resolve({ ok: true, data: null }); },
    on: (channel: string) => subscribed.push(channel),
    removeListener: () => {},
  },
}));
await import('../../../electron/preload/preload.ts');

describe('preload', () => {
  it('exposes exactly the contract as window.ecms, frozen, nothing generic', async () => {
    expect([...exposed.keys()]).toEqual(['ecms']);
    const api = exposed.get('ecms') as PreloadApi;
    expect(Object.isFrozen(api) && Object.isFrozen(api.commands) && Object.isFrozen(api.events)).toBe(true);
    expect(Object.keys(api)).toEqual(['commands', 'events']);
    expect(Object.keys(api.commands).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(api.events).sort()).toEqual([...EVENT_NAMES].sort());
    await api.commands['intake.finish']({ x: 1 });
    expect(invoked).toEqual([[commandChannel('intake.finish'), { x: 1 }]]);
    api.events.weight(() => {});
    expect(subscribed).toEqual([eventChannel('weight')]);
  });

  it('the names list and the schema maps agree', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_NAMES].sort());
  });
});
