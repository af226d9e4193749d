/**
 * Where this machine's PostgreSQL server binaries are: PG_BIN (or PG_BIN_DIR), else the newest
 * /usr/lib/postgresql/<version>/bin with initdb and pg_ctl. Shared by the test runner's preflight and the
 * throwaway-cluster helper.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function findPostgresBin(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const candidates = [env['PG_BIN'], env['PG_BIN_DIR'], ...versions];
  return candidates.find((d): d is string => typeof d === 'string' && existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl'))) ?? null;
}

/** runuser by absolute path: sbin directories are not on every PATH. */
export function findRunuser(): string {
  return ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';
}
