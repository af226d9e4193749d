/**
 * The electron-updater adapter with a stand-in AppUpdater (electron-updater runs only inside Electron): the feed it
 * points at, the token on every request, the settings that keep installing in the station's hands, and the events
 * it turns into the policy's events.
 */
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createElectronUpdateSource, updateFeedUrl, type UpdaterLike } from '../../../electron/main/updates/electronUpdaterAdapter.ts';
import type { UpdateEvent } from '../../../shared/update/updatePolicy.ts';

class StandInUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = false;
  disableDifferentialDownload = false;
  requestHeaders: UpdaterLike['requestHeaders'] = null;
  feed: unknown = null;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  checkResult: Promise<unknown> = Promise.resolve(null);
  readonly emitter = new EventEmitter();
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }) {
    this.feed = options;
  }
  checkForUpdates() {
    this.checks += 1;
    return this.checkResult;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  on(event: string, listener: (arg: never) => void) {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
}

function setup() {
  const updater = new StandInUpdater();
  const logged: Error[] = [];
  const source = createElectronUpdateSource(updater, { hqUrl: 'https://hq.lax.example:8787/', token: 'tok_station' }, (e) => logged.push(e));
  const events: UpdateEvent[] = [];
  source.onEvent((e) => events.push(e));
  return { updater, source, events, logged };
}

describe('electron-updater adapter', () => {
  it('points the generic provider at HQ’s feed and sends the station token on every request', () => {
    const { updater } = setup();
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://hq.lax.example:8787/v1/updates', channel: 'latest' });
    expect(updater.requestHeaders).toEqual({ Authorization: 'Bearer tok_station' });
    expect(updateFeedUrl('http://10.0.0.5:8787')).toBe('http://10.0.0.5:8787/v1/updates');
  });

  it('downloads in the background but never installs by itself, follows HQ back to an older version, downloads whole files', () => {
    const { updater } = setup();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: true, disableDifferentialDownload: true });
  });

  it('turns the updater’s events into the policy’s events', () => {
    const { updater, events } = setup();
    updater.emitter.emit('update-available', { version: '0.2.0' });
    updater.emitter.emit('download-progress', { percent: 41.5 });
    updater.emitter.emit('update-downloaded', { version: '0.2.0' });
    updater.emitter.emit('update-not-available', { version: '0.1.0' });
    expect(events).toEqual([
      { type: 'update-available', version: '0.2.0' },
      { type: 'download-progress', percent: 41.5 },
      { type: 'downloaded', version: '0.2.0' },
      { type: 'no-update' },
    ]);
  });

  it('reports errors in plain words and hands the error itself to the log', () => {
    const { updater, events, logged } = setup();
    const refused = Object.assign(new Error('HttpError: 401 Unauthorized'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    updater.emitter.emit('error', refused);
    updater.emitter.emit('error', new Error('getaddrinfo ENOTFOUND hq.lax.example'));
    updater.emitter.emit('error', new Error('sha512 checksum mismatch'));
    expect(logged).toHaveLength(3);
    const problems = events.map((e) => (e.type === 'failed' ? e.problem : ''));
    expect(problems[0]).toMatch(/station token/);
    expect(problems[1]).toMatch(/could not be reached/);
    expect(problems[2]).toMatch(/did not pass its check/);
    for (const p of problems) expect(p).not.toMatch(/ERR_|Error|sha512|ENOTFOUND/);
  });

  it('checks through the updater, and installs by quitting with the new version started afterwards', async () => {
    const { updater, source } = setup();
    await source.check();
    expect(updater.checks).toBe(1);
    updater.checkResult = Promise.reject(new Error('offline'));
    await expect(source.check()).rejects.toThrow('offline');
    source.install();
    expect(updater.installs).toEqual([[false, true]]);
  });
});
