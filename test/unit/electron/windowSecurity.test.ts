import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/windowOptions.ts';
import { allowPermission, lockDownContents, type WebContentsEventsLike } from '../../../electron/main/lockdown.ts';
import { APP_ORIGIN, sameOrigin } from '../../../electron/main/appOrigin.ts';

describe('BrowserWindow security options', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('navigation lockdown', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
    const contents: WebContentsEventsLike = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => { listeners.set(event, listener); },
      setWindowOpenHandler: (h) => { openHandler = h; },
    } as WebContentsEventsLike;
    const fire = (event: string, url?: string) => {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    return { contents, fire, open: (url: string) => openHandler?.({ url }) };
  }

  it('blocks navigation off the app origin, every new window and every webview', () => {
    const { contents, fire, open } = fakeContents();
    const log: string[] = [];
    lockDownContents(contents, APP_ORIGIN, (l) => log.push(l));
    expect(fire('will-navigate', `${APP_ORIGIN}/index.html#x`)).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://station.evil/')).toBe(true);
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(log).toHaveLength(4);
  });

  it('grants only the camera, only to the app', () => {
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, APP_ORIGIN, ['video'])).toBe(true);
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, APP_ORIGIN, ['audio', 'video'])).toBe(false);
    expect(allowPermission('geolocation', `${APP_ORIGIN}/`, APP_ORIGIN)).toBe(false);
    expect(allowPermission('media', 'https://evil.example/', APP_ORIGIN, ['video'])).toBe(false);
  });

  it('compares custom-scheme origins by scheme and host (URL.origin is "null" for them)', () => {
    expect(new URL('app://evil/').origin).toBe('null');
    expect(sameOrigin('app://evil/x', APP_ORIGIN)).toBe(false);
    expect(sameOrigin('app://station/x', APP_ORIGIN)).toBe(true);
    expect(sameOrigin('not a url', APP_ORIGIN)).toBe(false);
  });
});
