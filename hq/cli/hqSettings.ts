/**
 * Where HQ's database is and where it listens, from flags first, then the environment, then defaults:
 *   --database-url / DATABASE_URL   PostgreSQL (through pg); when absent, PGlite in
 *   --data-dir / HQ_DATA_DIR        (default .data/hq)
 *   --host / HQ_HOST                (default 127.0.0.1)
 *   --port / HQ_PORT                (default 8787; 0 = any free port)
 *   --tls-cert / HQ_TLS_CERT and --tls-key / HQ_TLS_KEY   PEM files: serve HTTPS (both or neither)
 *   --updates-dir / HQ_UPDATES_DIR  the station update feed (hq/updates/feedConfig.ts); absent: no updates
 * Parsed with zod: a malformed value is an error, never silently replaced by a default.
 */
import { z } from 'zod';
import path from 'node:path';
import type { HqDbTarget } from '../db/openHqDb.ts';
import { CliUsageError } from './cliError.ts';

const SettingsSchema = z.object({
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  dataDir: z.string().min(1).optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
  updatesDir: z.string().min(1).optional(),
});

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

export interface HqSettings {
  readonly db: HqDbTarget;
  readonly host: string;
  readonly port: number;
  /** PEM file paths: HQ serves HTTPS. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** The station update feed's directory; null: HQ publishes no updates. */
  readonly updatesDir: string | null;
}

export function resolveHqSettings(flags: Record<string, string | boolean | string[] | undefined>, env: NodeJS.ProcessEnv): HqSettings {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const parsed = SettingsSchema.safeParse({
    databaseUrl: nonEmpty(str('database-url') ?? env['DATABASE_URL']),
    dataDir: nonEmpty(str('data-dir') ?? env['HQ_DATA_DIR']),
    host: nonEmpty(str('host') ?? env['HQ_HOST']),
    port: nonEmpty(str('port') ?? env['HQ_PORT']),
    tlsCert: nonEmpty(str('tls-cert') ?? env['HQ_TLS_CERT']),
    tlsKey: nonEmpty(str('tls-key') ?? env['HQ_TLS_KEY']),
    updatesDir: nonEmpty(str('updates-dir') ?? env['HQ_UPDATES_DIR']),
  });
  if (!parsed.success) throw new CliUsageError(z.prettifyError(parsed.error));
  const s = parsed.data;
  if (s.databaseUrl && str('data-dir')) throw new CliUsageError('Give either --database-url or --data-dir, not both');
  const db: HqDbTarget = s.databaseUrl
    ? { kind: 'postgres', databaseUrl: s.databaseUrl }
    : { kind: 'pglite', dataDir: path.resolve(s.dataDir ?? path.join('.data', 'hq')) };
  if ((s.tlsCert === undefined) !== (s.tlsKey === undefined)) throw new CliUsageError('HTTPS needs both --tls-cert FILE and --tls-key FILE (or HQ_TLS_CERT and HQ_TLS_KEY)');
  const tls = s.tlsCert !== undefined && s.tlsKey !== undefined ? { certFile: path.resolve(s.tlsCert), keyFile: path.resolve(s.tlsKey) } : null;
  return { db, host: s.host, port: s.port, tls, updatesDir: s.updatesDir === undefined ? null : path.resolve(s.updatesDir) };
}

export function describeTarget(t: HqDbTarget): string {
  if (t.kind === 'postgres') return `PostgreSQL ${t.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`;
  if (t.kind === 'pglite') return `PGlite in ${t.dataDir}`;
  return 'PGlite in memory';
}
