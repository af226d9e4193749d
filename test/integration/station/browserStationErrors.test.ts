/**
 * The browser-mode station process and the error policy: a listener that throws is logged and the station keeps
 * answering; an error nothing catches is logged as fatal and the process exits with code 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startStationProcess, StationSocket, type StationProcess } from '../../support/stationProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import WebSocket from 'ws';

const SCRIPT = 'test/support/throwingListenerStation.ts';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function logLines(dataDir: string): Array<Record<string, unknown>> {
  const dir = path.join(dataDir, 'logs');
  return readdirSync(dir).filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
}

async function start(env: Record<string, string>): Promise<{ proc: StationProcess; socket: StationSocket; dataDir: string }> {
  const temp = makeTempDir('errors');
  cleanups.push(temp.cleanup);
  const proc = await startStationProcess(['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-ERR-1', '--warehouse', 'LAX'], { ECMS_LOG_PRETTY: '0', ...env }, SCRIPT);
  cleanups.unshift(() => proc.kill('SIGTERM'));
  const socket = await StationSocket.open(proc.info);
  cleanups.unshift(() => socket.close());
  return { proc, socket, dataDir: temp.dir };
}

describe('browser-mode station error policy', () => {
  it('keeps answering after a listener throws, and logs the listener error', async () => {
    const { proc, socket, dataDir } = await start({});
    expect((await socket.call('scale.simulate', { action: 'place', value: '2.5', unit: 'lb' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(proc.child.exitCode).toBeNull();
    expect(await socket.call('intake.current', {})).toEqual({ ok: true, data: null });
    const failures = logLines(dataDir).filter((l) => typeof l['msg'] === 'string' && (l['msg'] as string).endsWith('listener failed'));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatchObject({ level: 50, stationId: 'LAX-ERR-1', warehouse: 'LAX', err: { message: 'a listener bug' } });
  });

  it('logs an error nothing catches as fatal and exits with code 1', async () => {
    const temp = makeTempDir('crash');
    cleanups.push(temp.cleanup);
    const proc = await startStationProcess(['--data-dir', temp.dir, '--demo'], { ECMS_LOG_PRETTY: '0', ECMS_TEST_CRASH: '1' }, SCRIPT);
    cleanups.unshift(() => proc.kill('SIGTERM'));
    const dataDir = temp.dir;
    const exited = new Promise<number | null>((resolve) => proc.child.once('exit', (code) => resolve(code)));
    // A bare socket: the station going away mid-call is the point of this test.
    const ws = new WebSocket(`${proc.info.origin.replace('http', 'ws')}/ws?token=${proc.info.token}`, { origin: proc.info.origin });
    ws.on('error', () => undefined);
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, command: 'scale.simulate', request: { action: 'place', value: '2.5', unit: 'lb' } })));
    expect(await exited).toBe(1);
    const fatal = logLines(dataDir).filter((l) => l['level'] === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ kind: 'uncaughtException', err: { message: 'nothing catches this' } });
  });
});
