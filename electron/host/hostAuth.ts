/**
 * Who may open the browser-mode WebSocket: a page from this host's own origin, carrying this launch's token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type UpgradeVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

export function checkUpgrade(
  request: { url?: string | undefined; headers: { origin?: string | undefined } },
  expectedOrigin: string,
  token: string,
): UpgradeVerdict {
  if (request.headers.origin !== expectedOrigin) {
    return { allowed: false, status: 403, reason: `origin ${request.headers.origin ?? '(none)'} is not ${expectedOrigin}` };
  }
  const url = new URL(request.url ?? '/', expectedOrigin);
  if (url.pathname !== '/ws') return { allowed: false, status: 403, reason: `path ${url.pathname}` };
  if (!tokensEqual(token, url.searchParams.get('token'))) return { allowed: false, status: 401, reason: 'missing or wrong token' };
  return { allowed: true };
}
