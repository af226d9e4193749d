/**
 * Finds Electron's binary, fetching it on demand with the electron package's own installer where the network allows.
 * Returns the reason when it cannot, so `npm start` can say why it runs in browser mode instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const FETCH_TIMEOUT_MS = 120_000;

export type ElectronLookup = { found: true; binary: string } | { found: false; reason: string };

const electronDir = path.dirname(require.resolve('electron/package.json'));

/**
 * The binary if it is already on disk. Read the way the electron package's index.js does (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH), without requiring it: its require() starts a download of its own.
 */
function installedBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? path.join(override, relative ?? 'electron') : relative ? path.join(electronDir, 'dist', relative) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

function runInstaller(): Promise<{ code: number | null; output: string }> {
  const installer = path.join(electronDir, 'install.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += String(d)));
    child.stderr.on('data', (d: Buffer) => (output += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), FETCH_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message });
    });
  });
}

export async function findOrFetchElectron(log: (line: string) => void): Promise<ElectronLookup> {
  const present = installedBinary();
  if (present) return { found: true, binary: present };
  log('Electron binary not installed yet; fetching it …');
  const result = await runInstaller();
  const fetched = installedBinary();
  if (result.code === 0 && fetched) return { found: true, binary: fetched };
  const lastLine = result.output.trim().split('\n').filter(Boolean).at(-1) ?? `installer exited with ${result.code}`;
  return { found: false, reason: `Electron's binary could not be downloaded (${lastLine.slice(0, 200)})` };
}
