/**
 * A benchmark file is test/bench/<name>.bench.ts with a default export `run(): Promise<BenchRow[]>`.
 * `npm run bench` discovers and runs them all, one after another, and prints one table.
 */
export interface BenchRow {
  /** What was measured, e.g. "classify: mixed scans". */
  readonly name: string;
  readonly value: number;
  /** e.g. "ops/s", "ms (p99)", "events/s", "MB". */
  readonly unit: string;
  /** The target, in words, e.g. "p99 ≤ 1 ms"; omitted if there is none. */
  readonly goal?: string;
  /** Whether the figure meets the goal; omitted if there is no goal. */
  readonly met?: boolean;
}

export type Benchmark = () => Promise<BenchRow[]>;

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
