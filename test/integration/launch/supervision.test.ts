/**
 * `npm start`'s supervision, with the real parts as child processes: the demo HQ (PGlite) and the browser-mode
 * station. When the station dies the HQ stops too, and the other way round, and the launcher says so; a station that
 * cannot start leaves no HQ running; a PGlite lock left by a killed HQ is taken over by the next one, a live one is
 * respected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedHq, type EmbeddedHq } from '../../../electron/launch/embeddedHq.ts';
import { startStationChild } from '../../../electron/launch/stationChild.ts';
import { startInOrder, stopAll, superviseUntilOneEnds, type SupervisedChild } from '../../../electron/launch/supervise.ts';
import { startHqServe } from '../../../electron/launch/hqServeProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const running = (p: SupervisedChild) => p.child.exitCode === null && p.child.signalCode === null;

async function demoParts(): Promise<{ hq: EmbeddedHq; station: SupervisedChild }> {
  const temp = makeTempDir('supervise');
  cleanups.push(temp.cleanup);
  const hq = await startEmbeddedHq(root, { stationId: 'LAX-SUP-1', warehouse: 'LAX' }, temp.dir);
  const station = await startStationChild(root, ['--data-dir', path.join(temp.dir, 'station'), '--demo', '--station-id', 'LAX-SUP-1', '--warehouse', 'LAX'], {
    ...process.env, ECMS_LOG_PRETTY: '0', ECMS_HQ_URL: hq.url, ECMS_HQ_TOKEN: hq.token,
  });
  cleanups.unshift(() => stopAll([hq, station]));
  return { hq, station };
}

// Each test starts PGlite HQs and stations as processes: slow on a loaded 2-core machine.
describe("npm start's supervision", { timeout: 120_000 }, () => {
  it('stops the demo HQ when the station is killed, and says so', async () => {
    const { hq, station } = await demoParts();
    const said: string[] = [];
    const supervised = superviseUntilOneEnds([hq, station], (l) => said.push(l));
    station.child.kill('SIGKILL');
    const end = await supervised;
    expect(end).toEqual({ name: 'the station', code: null, signal: 'SIGKILL' });
    expect(running(hq)).toBe(false);
    expect(said).toEqual(['The station was stopped unexpectedly (SIGKILL); stopping the demo HQ too. Start again when ready.']);
  });

  it('stops the station when the demo HQ dies, and says so', async () => {
    const { hq, station } = await demoParts();
    const said: string[] = [];
    const supervised = superviseUntilOneEnds([hq, station], (l) => said.push(l));
    hq.child.kill('SIGKILL');
    expect((await supervised).name).toBe('the demo HQ');
    expect(running(station)).toBe(false);
    expect(station.child.exitCode).toBe(0);
    expect(said[0]).toMatch(/^The demo HQ was stopped unexpectedly \(SIGKILL\); stopping the station too/);
  });

  it('the station stops by itself when the launcher goes away (its stdin closes)', async () => {
    const temp = makeTempDir('supervise');
    cleanups.push(temp.cleanup);
    const station = await startStationChild(root, ['--data-dir', temp.dir, '--no-demo'], { ...process.env, ECMS_LOG_PRETTY: '0' });
    cleanups.unshift(() => stopAll([station]));
    const exited = new Promise<number | null>((resolve) => station.child.once('exit', (code) => resolve(code)));
    station.child.stdin?.end();
    expect(await exited).toBe(0);
  });

  it('a station that cannot start leaves no demo HQ running', async () => {
    const temp = makeTempDir('supervise');
    cleanups.push(temp.cleanup);
    let hq: EmbeddedHq | null = null;
    const attempt = startInOrder([
      async () => (hq = await startEmbeddedHq(root, { stationId: 'LAX-SUP-2', warehouse: 'LAX' }, temp.dir)),
      // A data directory that is a file: the station stops before it is ready.
      () => startStationChild(root, ['--data-dir', path.join(root, 'package.json'), '--no-demo'], { ...process.env, ECMS_LOG_PRETTY: '0' }),
    ]);
    // Refused in plain words (exit 2), not a crash with a stack trace.
    await expect(attempt).rejects.toThrow(/the station stopped \(exit code 2\) before it was ready/);
    expect(hq).not.toBeNull();
    expect(running(hq!)).toBe(false);
    expect(existsSync(path.join(temp.dir, 'hq', 'hq.lock'))).toBe(false);
  });

  it("takes over the PGlite lock of a killed HQ, and refuses a second HQ while the first lives", async () => {
    const temp = makeTempDir('supervise');
    cleanups.push(temp.cleanup);
    const args = ['--data-dir', path.join(temp.dir, 'hq'), '--port', '0'];
    const first = await startHqServe(root, args);
    cleanups.unshift(() => first.stop());
    await expect(startHqServe(root, args)).rejects.toThrow(new RegExp(`in use by process ${first.child.pid}`));
    first.child.kill('SIGKILL');
    await first.stop();
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'hq', 'hq.lock'), 'utf8'))).toMatchObject({ pid: first.child.pid });
    const second = await startHqServe(root, args);
    cleanups.unshift(() => second.stop());
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'hq', 'hq.lock'), 'utf8'))).toMatchObject({ pid: second.child.pid });
    expect((await fetch(`${second.url}/health`)).status).toBeLessThan(500);
  });
});
