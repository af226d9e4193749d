/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or only those whose name contains an argument) and prints a
 * table of figures. Exit code 0 even when a goal is missed: figures are reported, not asserted.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchRow } from './benchTypes.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
const rows: Array<BenchRow & { file: string }> = [];
for (const file of files) {
  process.stderr.write(`running ${file} …\n`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Benchmark };
  for (const row of await mod.default()) rows.push({ ...row, file });
}
const header = ['benchmark', 'value', 'unit', 'goal', 'met'];
const table = rows.map((r) => [r.name, fmt(r.value), r.unit, r.goal ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
console.log(`\n${rows.length} figures from ${files.length} benchmark files, node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
