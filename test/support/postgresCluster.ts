/**
 * A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb into a temp directory, pg_ctl start on a free
 * 127.0.0.1 port (Unix socket inside the temp dir too), and on stop: pg_ctl stop -m immediate and delete the dir.
 *
 * PostgreSQL refuses to run as root. When the tests run as root (this project's dev machines and CI do), every
 * server command runs as the OS user `postgres` (created by the Debian package) through `runuser -u postgres --`,
 * and the temp dir is handed to that user. As any other user the commands run directly.
 *
 * If the binaries are missing this THROWS (tests fail, never skip) with the exact command that installs them.
 * PG_BIN_DIR overrides the binary directory (default /usr/lib/postgresql/15/bin).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin, findRunuser } from './postgresBin.ts';

const run = promisify(execFile);

export const PG_BIN_DIR = findPostgresBin() ?? '/usr/lib/postgresql/15/bin';
const RUNUSER = findRunuser();
export const PG_INSTALL_COMMAND = 'apt-get update && apt-get install -y postgresql-15';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** false (tests): fsync and synchronous_commit off. true (benchmarks): the server's durable defaults. */
  readonly durable?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function assertPostgresBinaries(binDir: string = PG_BIN_DIR): void {
  const missing = ['initdb', 'pg_ctl', 'postgres', 'psql'].filter((b) => !existsSync(path.join(binDir, b)));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL 15 binaries missing in ${binDir} (${missing.join(', ')}). Install them with:\n  ${PG_INSTALL_COMMAND}\n(or set PG_BIN_DIR to another PostgreSQL bin directory).`);
  }
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  assertPostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  let uid = -1;
  let gid = -1;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gidOut = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0 || gidOut.status !== 0) {
      throw new Error(`Running as root, and PostgreSQL refuses root: the OS user "postgres" is needed (it comes with ${PG_INSTALL_COMMAND}) or run the tests as a non-root user.`);
    }
    uid = Number(id.stdout.trim());
    gid = Number(gidOut.stdout.trim());
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ecms-pg-'));
  const data = path.join(dir, 'data');
  const sock = dir;
  const log = path.join(dir, 'server.log');
  if (asRoot) {
    await chown(dir, uid, gid);
    await chmod(dir, 0o700);
  }
  const exec = (bin: string, args: string[]) =>
    asRoot ? run(RUNUSER, ['-u', 'postgres', '--', path.join(PG_BIN_DIR, bin), ...args], { cwd: dir }) : run(path.join(PG_BIN_DIR, bin), args, { cwd: dir });

  let started = false;
  const stopSync = (): void => {
    if (!started) return;
    const args = ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'];
    if (asRoot) spawnSync(RUNUSER, ['-u', 'postgres', '--', path.join(PG_BIN_DIR, 'pg_ctl'), ...args]);
    else spawnSync(path.join(PG_BIN_DIR, 'pg_ctl'), args);
  };
  // If the test process dies without stop(), do not leave a server (or its files) behind.
  const onExit = (): void => {
    stopSync();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  try {
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const conf = [`-p ${port}`, `-k ${sock}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=60'];
      if (!options.durable) conf.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
      try {
        await exec('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', conf.join(' ')]);
        break;
      } catch (err) {
        if (attempt >= 2) throw err; // the port may have been taken between freePort() and start
      }
    }
    started = true;
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      async createDatabase(name: string) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
        await exec('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.removeListener('exit', onExit);
        try {
          await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
        } finally {
          started = false;
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    stopSync();
    process.removeListener('exit', onExit);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL cluster in ${dir}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
