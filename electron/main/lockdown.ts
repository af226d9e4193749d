/**
 * Navigation and window lockdown for the app's web contents (security checklist 5, 11–14): no navigation away from
 * the app origin, no new windows, no <webview>, no permissions except the camera for label scanning.
 */
import { sameOrigin } from './appOrigin.ts';

export interface WebContentsEventsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}


export function lockDownContents(contents: WebContentsEventsLike, appOrigin: string, log: (line: string) => void): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!sameOrigin(url, appOrigin)) {
      event.preventDefault();
      log(`blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}

/** Only the camera ('media' with video) is granted, and only to the app's own origin. */
export function allowPermission(permission: string, requestingUrl: string, appOrigin: string, mediaTypes: readonly string[] = []): boolean {
  return permission === 'media' && sameOrigin(requestingUrl, appOrigin) && mediaTypes.every((t) => t === 'video');
}
