/**
 * Browser mode keeps its port and its token across restarts, so a page left open on the bench reconnects by itself
 * when the station comes back. Both live in `<data dir>/browser-host.json` (owner-only, 0600), written atomically
 * (a temporary file in the same directory, flushed, then renamed over the old one).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { newLaunchToken } from './hostAuth.ts';

export const HOST_IDENTITY_FILE = 'browser-host.json';

export const HostIdentitySchema = z.object({
  port: z.number().int().min(1).max(65535),
  token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
});
export type HostIdentity = z.infer<typeof HostIdentitySchema>;

/** What the data directory remembers: the identity, none yet, or a file that is not one (said why, then replaced). */
export type StoredIdentity =
  | { readonly kind: 'found'; readonly identity: HostIdentity }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function readHostIdentity(dataDir: string): StoredIdentity {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, HOST_IDENTITY_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', reason: (err as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not JSON' };
  }
  const parsed = HostIdentitySchema.safeParse(json);
  return parsed.success ? { kind: 'found', identity: parsed.data } : { kind: 'unreadable', reason: 'not a port and token' };
}

export function writeHostIdentity(dataDir: string, identity: HostIdentity): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, HOST_IDENTITY_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(HostIdentitySchema.parse(identity))}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** The token to use: the remembered one, or a new one. */
export function tokenFor(stored: StoredIdentity): string {
  return stored.kind === 'found' ? stored.identity.token : newLaunchToken();
}
