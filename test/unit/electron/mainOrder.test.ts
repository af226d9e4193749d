/**
 * The Electron main process's order, with a stand-in app: the single-instance lock comes before anything opens (a
 * second launch opens no log, no station, no window); quit waits for the station to close; a close that hangs is
 * bounded; a start-up failure shows a dialog with the plain message and the log file, then exits 1.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { startMain, type MainApp, type MainParts } from '../../../electron/main/startMain.ts';
import type { AppModule } from '../../../electron/main/appModule.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { OpenLogger } from '../../../electron/log/openLogger.ts';
import { StationError } from '../../../electron/station/stationError.ts';
import { recordingLogger } from '../../support/recordingLogger.ts';

type Handler = (event: { preventDefault(): void }) => void;

/** A stand-in Electron app that records what happens, in order. */
function standInApp(steps: string[], hasLock: boolean) {
  const handlers = new Map<string, Handler[]>();
  const app = {
    requestSingleInstanceLock: () => {
      steps.push('lock');
      return hasLock;
    },
    whenReady: async () => {
      steps.push('ready');
    },
    quit: () => {
      steps.push('quit');
      let prevented = false;
      for (const h of handlers.get('before-quit') ?? []) h({ preventDefault: () => (prevented = true) });
      if (!prevented) steps.push('quit done');
    },
    exit: (code: number) => steps.push(`exit ${code}`),
    on: (event: string, handler: Handler) => {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return app;
    },
  };
  return app as unknown as MainApp & { quit(): void };
}

function parts(steps: string[], options: { hasLock?: boolean; close?: () => Promise<void>; openFails?: unknown; closeTimeoutMs?: number } = {}): MainParts {
  const recorded = recordingLogger();
  const log: OpenLogger = {
    logger: recorded.logger, dir: '/data/logs', file: () => '/data/logs/main.2026-12-04.1.log',
    flush: async () => undefined,
    close: async () => {
      steps.push('log closed');
    },
  };
  const station = { close: options.close ?? (async () => { steps.push('station closed'); }) } as unknown as Station;
  const module = (name: string): AppModule => ({ name, enable: () => { steps.push(`module ${name}`); } });
  return {
    app: standInApp(steps, options.hasLock ?? true),
    showErrorBox: (title, content) => steps.push(`dialog ${title} | ${content}`),
    openLog: async () => {
      steps.push('log opened');
      return log;
    },
    openStation: async () => {
      if (options.openFails !== undefined) throw options.openFails;
      steps.push('station opened');
      return station;
    },
    modules: [module('single-instance'), module('main-window')],
    context: { appOrigin: 'app://station', rendererDir: '/r', preloadPath: '/p' },
    ...(options.closeTimeoutMs === undefined ? {} : { closeTimeoutMs: options.closeTimeoutMs }),
  };
}

describe('Electron main order', () => {
  it('takes the single-instance lock before anything opens; a second launch opens nothing and creates no window', async () => {
    const steps: string[] = [];
    const p = parts(steps, { hasLock: false });
    expect(await startMain(p)).toBe('second-instance');
    expect(steps).toEqual(['lock', 'quit', 'quit done']);
  });

  it('starts in order: lock, ready, log, station, then the modules (the window last)', async () => {
    const steps: string[] = [];
    expect(await startMain(parts(steps))).toBe('started');
    expect(steps).toEqual(['lock', 'ready', 'log opened', 'station opened', 'module single-instance', 'module main-window']);
  });

  it('quit waits for the station to close, then the log, then quits once', async () => {
    const steps: string[] = [];
    let finishClose: () => void = () => undefined;
    const p = parts(steps, { close: () => new Promise<void>((resolve) => { steps.push('closing'); finishClose = resolve; }) });
    await startMain(p);
    steps.length = 0;
    (p.app as { quit(): void }).quit();
    (p.app as { quit(): void }).quit(); // a second request while closing changes nothing
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toEqual(['quit', 'closing', 'quit']);
    finishClose();
    await vi.waitFor(() => expect(steps).toContain('quit done'));
    expect(steps).toEqual(['quit', 'closing', 'quit', 'log closed', 'quit', 'quit done']);
  });

  it('a station close that hangs is bounded by the timeout', async () => {
    const steps: string[] = [];
    const p = parts(steps, { close: () => new Promise<void>(() => { steps.push('closing forever'); }), closeTimeoutMs: 100 });
    await startMain(p);
    steps.length = 0;
    const started = performance.now();
    (p.app as { quit(): void }).quit();
    await vi.waitFor(() => expect(steps).toContain('quit done'), { timeout: 2000 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(steps).toEqual(['quit', 'closing forever', 'log closed', 'quit', 'quit done']);
  });

  it('quit is held until close whatever the close takes (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 10, max: 60 }), async (closeMs, timeoutMs) => {
      const steps: string[] = [];
      const p = parts(steps, { close: () => new Promise<void>((r) => setTimeout(() => { steps.push('station closed'); r(); }, closeMs)), closeTimeoutMs: timeoutMs });
      await startMain(p);
      steps.length = 0;
      (p.app as { quit(): void }).quit();
      await vi.waitFor(() => expect(steps).toContain('quit done'), { timeout: 2000 });
      const done = steps.indexOf('quit done');
      if (closeMs < timeoutMs - 5) expect(steps.indexOf('station closed')).toBeLessThan(done);
      expect(steps.filter((s) => s === 'quit done')).toHaveLength(1);
    }), { numRuns: 15 });
  });

  it('a start-up failure shows the plain message and the log file in a dialog, opens no window, and exits 1', async () => {
    const steps: string[] = [];
    const tooNew = new StationError('DATABASE_TOO_NEW', 'This station database was written by a newer version of ECMS Intake.');
    expect(await startMain(parts(steps, { openFails: tooNew }))).toBe('failed');
    expect(steps).toEqual([
      'lock', 'ready', 'log opened',
      'dialog ECMS Intake could not start | This station database was written by a newer version of ECMS Intake.\n\nCall a supervisor; the details are in the log file:\n/data/logs/main.2026-12-04.1.log',
      'log closed', 'exit 1',
    ]);
  });

  it('an unexpected start-up failure shows no stack or internals, only that it failed and where the log is', async () => {
    const steps: string[] = [];
    await startMain(parts(steps, { openFails: new TypeError('cannot read properties of undefined (reading "x")') }));
    const dialog = steps.find((s) => s.startsWith('dialog')) ?? '';
    expect(dialog).not.toContain('TypeError');
    expect(dialog).not.toContain('undefined');
    expect(dialog).toContain('/data/logs/main.2026-12-04.1.log');
  });
});
