/**
 * `npm run dist` where electron-builder's downloads cannot be reached: it stops within seconds, before building
 * anything, with one line naming what could not be downloaded — never a hang or a stack trace. The download hosts
 * are pointed at a closed local port (the mirrors electron-builder itself honours), so this holds on a networked
 * machine too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/builderConfig.ts';

const electronVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
let closedPort = 0;
let offlineEnv: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  // A port nothing listens on: taken from the OS, then released.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const mirror = `http://127.0.0.1:${closedPort}/`;
  offlineEnv = { ...process.env, ELECTRON_MIRROR: mirror, ELECTRON_BUILDER_BINARIES_MIRROR: mirror, ECMS_DIST_OFFLINE: '' };
});

function distRun(args: string[]) {
  const stampBefore = statSync(path.join(REPO_ROOT, 'out/build-info.json'), { throwIfNoEntry: false })?.mtimeMs ?? null;
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'dist', '--', ...args], { cwd: REPO_ROOT, env: offlineEnv, encoding: 'utf8', timeout: 60_000 });
  const stampAfter = statSync(path.join(REPO_ROOT, 'out/build-info.json'), { throwIfNoEntry: false })?.mtimeMs ?? null;
  return { ...r, ms: Date.now() - started, rebuilt: stampBefore !== stampAfter };
}

describe('npm run dist without its downloads', () => {
  it('fails fast with one line naming Electron and the builder tools it could not download, having built nothing', () => {
    const r = distRun(['--linux']);
    expect(r.error).toBeUndefined(); // not killed by the 60 s timeout
    expect(r.status).not.toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^npm run dist: could not download Electron ${electronVersion.replace(/\./g, '\\.')} for linux-x64 \\(127\\.0\\.0\\.1:${closedPort}: connection refused\\)`));
    expect(lines[0]).toMatch(/AppImage and deb \(fpm\) tools/);
    expect(lines[0]).toMatch(/networked build machine/);
    expect(r.rebuilt).toBe(false);
  });

  it('names the Windows downloads when the Windows installer is asked for', () => {
    const r = distRun(['--win']);
    expect(r.status).not.toBe(0);
    const text = `${r.stdout}${r.stderr}`.trim();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(/Electron [\d.]+ for win32-x64 .*NSIS and winCodeSign tools/);
    expect(text).not.toMatch(/^\s+at /m);
  });
});
