/**
 * Browser mode keeps its port and token across restarts (clean stop and SIGKILL), so an open page resumes; a
 * client of the first run is served by the second with the same address and token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startStationProcess, StationSocket } from '../../support/stationProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { HOST_IDENTITY_FILE } from '../../../electron/host/hostIdentity.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const ARGS = (dir: string) => ['--data-dir', dir, '--no-demo', '--station-id', 'LAX-RS-1', '--warehouse', 'LAX'];
const ENV = { ECMS_LOG_PRETTY: '0' };

describe('browser-mode restarts', () => {
  it('comes back on the same port with the same token after SIGTERM and after SIGKILL', async () => {
    const temp = makeTempDir('restart');
    cleanups.push(temp.cleanup);
    const first = await startStationProcess(ARGS(temp.dir), ENV);
    expect(statSync(path.join(temp.dir, HOST_IDENTITY_FILE)).mode & 0o777).toBe(0o600);
    expect(await first.kill('SIGTERM')).toBe(0);
    const second = await startStationProcess(ARGS(temp.dir), ENV);
    expect({ origin: second.info.origin, token: second.info.token }).toEqual({ origin: first.info.origin, token: first.info.token });
    await second.kill('SIGKILL');
    const third = await startStationProcess(ARGS(temp.dir), ENV);
    cleanups.unshift(() => third.kill('SIGTERM'));
    expect(third.info.pageUrl).toBe(first.info.pageUrl);
    const socket = await StationSocket.open(first.info);
    expect(await socket.call('intake.current', {})).toEqual({ ok: true, data: null });
    socket.close();
  });

  it('moves to another port when the remembered one is taken, keeping the token; --port wins', async () => {
    const temp = makeTempDir('restart');
    cleanups.push(temp.cleanup);
    const first = await startStationProcess(ARGS(temp.dir), ENV);
    await first.kill('SIGTERM');
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(new URL(first.info.origin).port), '127.0.0.1', resolve));
    cleanups.unshift(() => new Promise((resolve) => squatter.close(resolve)));
    const moved = await startStationProcess(ARGS(temp.dir), ENV);
    expect(moved.info.origin).not.toBe(first.info.origin);
    expect(moved.info.token).toBe(first.info.token);
    await moved.kill('SIGTERM');
    // Asked for a taken port: refused (exit before ready), never moved silently.
    await expect(startStationProcess([...ARGS(temp.dir), '--port', new URL(first.info.origin).port], ENV)).rejects.toThrow(/exited with 1/);
  });
});
