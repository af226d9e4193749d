/**
 * Options of `npm run bench`: `--quick` (CI: a 50 k history instead of 1 M, only the station benchmarks, under
 * 90 s); `--history=N` another history size; every other argument picks benchmark files by name.
 */
const args = process.argv.slice(2);

export const benchOptions = {
  quick: args.includes('--quick'),
  /** Past intakes in the history station. */
  historyIntakes: Number(args.find((a) => a.startsWith('--history='))?.slice('--history='.length) ?? (args.includes('--quick') ? 50_000 : 1_000_000)),
  /** Parts of benchmark file names to run (all when empty). */
  filters: args.filter((a) => !a.startsWith('--')),
} as const;

/** The benchmarks `--quick` runs: the station's own figures, empty and with history. */
export const QUICK_BENCHMARKS = ['stationHistory', 'pullApply'] as const;
