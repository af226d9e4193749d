/**
 * Scale parser figures, in process: throughput (frames/s and MB/s over a long stream of valid frames with noise,
 * fed in 4 KB chunks) and latency from pushing a frame's last byte to the reading reaching a listener (parser +
 * schema validation + event hub dispatch).
 */
import { createScaleEventHub } from '../../electron/devices/scale/scaleEventHub.ts';
import { encodeHidScaleReport } from '../../shared/scale/hidPosEncoder.ts';
import { createHidPosParser } from '../../shared/scale/hidPosReport.ts';
import { encodeMettler8213WeightReply } from '../../shared/scale/mettler8213Encoder.ts';
import { createMettler8213Parser } from '../../shared/scale/mettler8213Parser.ts';
import { encodeSicsWeightReply } from '../../shared/scale/mtSicsEncoder.ts';
import { createMtSicsParser } from '../../shared/scale/mtSicsParser.ts';
import { encodeNciWeightReply } from '../../shared/scale/nciEncoder.ts';
import { createNciParser } from '../../shared/scale/nciParser.ts';
import type { ScaleFrameParser } from '../../shared/scale/scaleParseEvent.ts';
import { encodeToledoContinuousFrame } from '../../shared/scale/toledoContinuousEncoder.ts';
import { createToledoContinuousParser } from '../../shared/scale/toledoContinuousParser.ts';
import { massFromSteps } from '../../shared/units/mass.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

interface Subject {
  readonly name: string;
  readonly create: () => ScaleFrameParser;
  readonly frame: (steps: number) => Uint8Array;
  /** HID reports arrive whole, one per read. */
  readonly wholeReports?: boolean;
}

const state = (steps: number) => ({ value: massFromSteps(steps, -2, 'lb') ?? 0, unit: 'lb' as const, decimals: 2, motion: steps % 7 === 0, overload: false, underZero: false, net: false });

const SUBJECTS: readonly Subject[] = [
  { name: 'mettler-8213', create: () => createMettler8213Parser({ unit: 'lb' }), frame: (s) => encodeMettler8213WeightReply(state(s)) },
  { name: 'toledo-continuous', create: () => createToledoContinuousParser(), frame: (s) => encodeToledoContinuousFrame(state(s)) },
  { name: 'mt-sics', create: () => createMtSicsParser(), frame: (s) => encodeSicsWeightReply(state(s), 'SI') },
  { name: 'nci', create: () => createNciParser(), frame: (s) => encodeNciWeightReply(state(s), 'scp01') },
  { name: 'hid-pos', create: () => createHidPosParser(), frame: (s) => encodeHidScaleReport(state(s % 65_000)), wholeReports: true },
];

const NOISE = Uint8Array.of(0xff, 0x13, 0x00, 0x7e);

function throughput(subject: Subject): BenchRow[] {
  const frames = Array.from({ length: 2000 }, (_, i) => subject.frame(100 + i * 13));
  const parser = subject.create();
  let count = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + 1000;
  if (subject.wholeReports) {
    while (performance.now() < deadline) {
      for (const f of frames) count += parser.push(f, 0).length;
      bytes += frames.reduce((n, f) => n + f.length, 0);
    }
  } else {
    const stream = Uint8Array.from(frames.flatMap((f, i) => (i % 10 === 0 ? [...NOISE, ...f] : [...f])));
    while (performance.now() < deadline) {
      for (let at = 0; at < stream.length; at += 4096) count += parser.push(stream.subarray(at, at + 4096), 0).filter((e) => e.type !== 'rejected').length;
      bytes += stream.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return [
    { name: `${subject.name} parser throughput`, value: count / seconds, unit: 'frames/s' },
    { name: `${subject.name} parser throughput`, value: bytes / seconds / 1e6, unit: 'MB/s' },
  ];
}

function lastByteLatency(subject: Subject): BenchRow {
  const parser = subject.create();
  const hub = createScaleEventHub({ state: 'connected', protocol: subject.name, label: 'bench' });
  let receivedAt = 0;
  hub.source.onReading(() => (receivedAt = performance.now()));
  hub.source.onIndication(() => (receivedAt = performance.now()));
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const frame = subject.frame(100 + (i % 5000));
    if (!subject.wholeReports) parser.push(frame.subarray(0, frame.length - 1), 0);
    const last = subject.wholeReports ? frame : frame.subarray(frame.length - 1);
    const t0 = performance.now();
    hub.dispatch(parser.push(last, Date.now()));
    if (i >= 1000) samples.push(receivedAt - t0);
  }
  const p99 = percentile(samples, 99);
  return { name: `${subject.name} last byte → reading event, in process (p99)`, value: p99, unit: 'ms', goal: 'p99 ≤ 1 ms', met: p99 <= 1 };
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const subject of SUBJECTS) rows.push(...throughput(subject), lastByteLatency(subject));
  return rows;
}
