/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or only those whose name contains an argument) and prints a
 * table of figures. `npm run bench -- --quick` runs only the station benchmarks on a smaller history (CI prints
 * them). Exit code 0 even when a goal is missed: figures are reported, not asserted.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchRow } from './benchTypes.ts';
import { benchOptions, QUICK_BENCHMARKS } from './support/benchOptions.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters: readonly string[] = benchOptions.quick && benchOptions.filters.length === 0 ? QUICK_BENCHMARKS : benchOptions.filters;

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
const os = await import('node:os');
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load ${os.loadavg()[0]?.toFixed(1)}`;
console.log(`\n${rows.length} figures from ${files.length} benchmark files${benchOptions.quick ? ' (--quick)' : ''}, node ${process.version}, ${machine}`);
