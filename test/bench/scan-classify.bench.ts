/**
 * Classification throughput: classifyScan over a mixed set of raw scans (every vector of the reference and our own:
 * valid, invalid, GS1, HRI, AIM-prefixed, unknown).
 */
import { classifyScan } from '../../shared/barcode/classifyScan.ts';
import { OWN_VECTORS, REFERENCE_VECTORS, TND_VECTORS } from '../unit/barcode/trackingVectors.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

const INPUTS = [...REFERENCE_VECTORS, ...TND_VECTORS, ...OWN_VECTORS].map((v) => v.input);

export default async function run(): Promise<BenchRow[]> {
  // Warm-up
  for (let i = 0; i < 20_000; i++) classifyScan(INPUTS[i % INPUTS.length] ?? '');

  const total = 200_000;
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) sink += classifyScan(INPUTS[i % INPUTS.length] ?? '').tracking.length;
  const elapsedMs = performance.now() - start;

  const samples: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const input of INPUTS) {
      const t = performance.now();
      sink += classifyScan(input).tracking.length;
      samples.push(performance.now() - t);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  const p99 = percentile(samples, 99);
  return [
    { name: `classify: mixed scans (${INPUTS.length} kinds)`, value: total / (elapsedMs / 1000), unit: 'scans/s' },
    { name: 'classify: latency per scan', value: p99, unit: 'ms (p99)', goal: 'p99 ≤ 1 ms', met: p99 <= 1 },
  ];
}
