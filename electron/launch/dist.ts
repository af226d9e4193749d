/**
 * `npm run dist [-- --linux | --win]`: the installers (electron-builder.yml: Linux AppImage + deb, Windows NSIS).
 * electron-builder downloads Electron's zip for each target and its own tools (AppImage and fpm for deb; NSIS,
 * nsis-resources and winCodeSign for Windows) at build time. Before building anything this checks that the places
 * they come from answer (ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR, else github.com), each within a few
 * seconds; when one does not, it stops with one line saying what could not be downloaded. Then it builds and runs
 * electron-builder under a watchdog (ECMS_DIST_TIMEOUT_MINUTES, default 30), so it never hangs.
 * ECMS_DIST_OFFLINE=1 skips the check, for a build machine whose caches were filled beforehand
 * (docs/operations/building-installers.md).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROBE_TIMEOUT_MS = 6000;

export type DistPlatform = 'linux' | 'win32' | 'darwin';

export interface DistDownload {
  /** What electron-builder fetches, in words. */
  readonly what: string;
  /** A URL on the host it comes from (any answer proves the host is reachable). */
  readonly url: string;
}

export function distPlatforms(args: readonly string[], current: NodeJS.Platform): DistPlatform[] {
  const asked: DistPlatform[] = [];
  if (args.some((a) => a === '--linux' || a === '-l')) asked.push('linux');
  if (args.some((a) => a === '--win' || a === '--windows' || a === '-w')) asked.push('win32');
  if (args.some((a) => a === '--mac' || a === '-m')) asked.push('darwin');
  if (asked.length > 0) return asked;
  return [current === 'win32' || current === 'darwin' ? current : 'linux'];
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function distDownloads(platforms: readonly DistPlatform[], electronVersion: string, env: NodeJS.ProcessEnv): DistDownload[] {
  const electronBase = withSlash(env['ELECTRON_MIRROR'] || 'https://github.com/electron/electron/releases/download/');
  const toolsBase = withSlash(env['ELECTRON_BUILDER_BINARIES_MIRROR'] || 'https://github.com/electron-userland/electron-builder-binaries/releases/download/');
  const tools = platforms.map((p) => (p === 'linux' ? 'AppImage and deb (fpm)' : p === 'win32' ? 'NSIS and winCodeSign' : 'macOS'));
  return [
    { what: `Electron ${electronVersion} for ${platforms.map((p) => `${p}-x64`).join(' and ')}`, url: `${electronBase}v${electronVersion}/SHASUMS256.txt` },
    { what: `electron-builder's ${tools.join(', ')} tools`, url: toolsBase },
  ];
}

/** null when the host answers (any HTTP status); otherwise why not, in a few words. */
export async function probe(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | null> {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (error as { name?: string }).name;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (code === 'TimeoutError' || code === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
    return `network error (${cause?.message ?? code ?? 'unknown'})`;
  }
}

/** The one line `npm run dist` prints when something cannot be downloaded; null when everything is reachable. */
export async function unreachableDownloads(downloads: readonly DistDownload[]): Promise<string | null> {
  const results = await Promise.all(downloads.map(async (d) => ({ d, why: await probe(d.url) })));
  const failed = results.filter((r) => r.why !== null);
  if (failed.length === 0) return null;
  const parts = failed.map(({ d, why }) => `${d.what} (${new URL(d.url).host}: ${why})`);
  return `npm run dist: could not download ${parts.join(' or ')}; build the installers on a networked build machine (docs/operations/building-installers.md).`;
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const timer = setTimeout(() => {
      process.stderr.write(`npm run dist: ${path.basename(args[0] ?? command)} did not finish within ${timeoutMs / 60_000} minutes and was stopped.\n`);
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

async function main(args: string[]): Promise<number> {
  const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  if (process.env['ECMS_DIST_OFFLINE'] !== '1') {
    const problem = await unreachableDownloads(distDownloads(distPlatforms(args, process.platform), version, process.env));
    if (problem !== null) {
      process.stderr.write(`${problem}\n`);
      return 1;
    }
  }
  const timeoutMs = Number(process.env['ECMS_DIST_TIMEOUT_MINUTES'] ?? '30') * 60_000;
  const built = await run(process.execPath, [path.join(root, 'electron/launch/build.ts')], timeoutMs);
  if (built !== 0) return built;
  return run(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.yml', ...args], timeoutMs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
