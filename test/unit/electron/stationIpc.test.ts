import { describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { COMMAND_NAMES, commandChannel } from '../../../shared/contract/commandNames.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { IpcInvokeEventLike } from '../../../electron/main/stationIpc.ts';
import type { CommandHandlers } from '../../../electron/station/commandHandlers.ts';
import type { AppContext } from '../../../electron/main/appModule.ts';

type Listener = (event: IpcInvokeEventLike, payload: unknown) => Promise<Result<unknown>>;
const registered = new Map<string, Listener>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { stationIpcModule } = await import('../../../electron/main/modules/stationIpcModule.ts');
const { APP_ORIGIN } = await import('../../../electron/main/appOrigin.ts');

/** Handlers that record the (already parsed) request they were given. */
function recordingHandlers(): { handlers: CommandHandlers; seen: Array<[string, unknown]> } {
  const seen: Array<[string, unknown]> = [];
  const handlers = Object.fromEntries(COMMAND_NAMES.map((name) => [name, (req: unknown) => { seen.push([name, req]); return { echoed: name }; }])) as unknown as CommandHandlers;
  return { handlers, seen };
}

const fromApp: IpcInvokeEventLike = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };

describe('Electron main: station IPC', () => {
  const { handlers, seen } = recordingHandlers();
  stationIpcModule.enable({ station: { handlers }, appOrigin: APP_ORIGIN } as unknown as AppContext);

  it('registers exactly one handler per contract command, on its own channel', () => {
    expect([...registered.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
  });

  it('validates the payload with the contract schema before any handler runs', async () => {
    const scan = registered.get(commandChannel('intake.scan'))!;
    const bad = await scan(fromApp, { raw: '', source: 'telepathy' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(seen).toHaveLength(0);
    const good = { commandId: randomUUID(), intakeId: randomUUID(), raw: '1Z999AA10123456784', source: 'wedge' };
    expect(await scan(fromApp, good)).toEqual({ ok: true, data: { echoed: 'intake.scan' } });
    expect(seen).toEqual([['intake.scan', good]]);
  });

  it.each([
    ['another custom-scheme host', 'app://evil/index.html'],
    ['a file URL', 'file:///tmp/index.html'],
    ['a web page', 'https://example.com/'],
    ['no frame', null],
  ])('refuses a sender from %s', async (_what, url) => {
    const info = registered.get(commandChannel('station.info'))!;
    const before = seen.length;
    const result = await info({ senderFrame: url === null ? null : { url } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(seen.length).toBe(before);
  });
});
