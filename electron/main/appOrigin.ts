/**
 * The app is served from a custom scheme (app://station/), not file://. URL.origin is "null" for custom schemes, so
 * origins are compared as scheme + host, explicitly.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://station`;

export function schemeAndHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host === '' ? null : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function sameOrigin(url: string, appOrigin: string): boolean {
  const a = schemeAndHost(url);
  return a !== null && a === schemeAndHost(appOrigin);
}
