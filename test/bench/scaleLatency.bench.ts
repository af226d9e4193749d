/**
 * Scale figures over a real socat PTY pair and the real serialport binding:
 * - arrival of the chunk holding a frame's last byte in this process → reading event (the 1 ms goal);
 * - simulator write → reading event (adds the kernel pty hops and socat's relay, for information);
 * - replug → connected again (goal ≤ 2 s).
 */
import { startPtyScaleSimulator } from '../../electron/devices/scale/ptyScaleSimulator.ts';
import type { ScaleSource } from '../../electron/devices/scale/scaleSource.ts';
import { openSerialLink, type SerialLinkOpener } from '../../electron/devices/scale/serialLink.ts';
import { createSerialScaleConnection } from '../../electron/devices/scale/serialScaleConnection.ts';
import { LINE_9600_7E1 } from '../../shared/scale/lineSettings.ts';
import { displayState } from '../../shared/scale/scaleDisplayState.ts';
import { encodeToledoContinuousFrame } from '../../shared/scale/toledoContinuousEncoder.ts';
import { massFromSteps } from '../../shared/units/mass.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

const FRAMES = 2000;

function nextStatus(source: ScaleSource, state: string, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (source.status().state === state) return resolve(Date.now());
    const timer = setTimeout(() => reject(new Error(`no ${state} status`)), timeoutMs);
    const off = source.onStatus((s) => {
      if (s.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(Date.now());
    });
  });
}

export default async function run(): Promise<BenchRow[]> {
  // Toledo Continuous needs no request, so every frame written is one reading; streaming is turned off and the
  // frames are written here, one at a time, so each write time is known.
  const started = await startPtyScaleSimulator({ protocol: { protocol: 'toledo-continuous', tareField: true, checksum: true }, streamIntervalMs: 1e9 });
  if (!started.ok) throw new Error(started.message);
  const sim = started.simulator;

  let lastArrival = 0;
  const timedOpener: SerialLinkOpener = async (path, line) => {
    const opened = await openSerialLink(path, line);
    if (!opened.ok) return opened;
    const link = opened.link;
    return {
      ok: true,
      link: {
        ...link,
        path: link.path,
        onData: (listener) =>
          link.onData((chunk, at) => {
            lastArrival = performance.now();
            listener(chunk, at);
          }),
      },
    };
  };

  const source = createSerialScaleConnection({
    identity: { kind: 'usb', ...sim.identity },
    protocol: sim.hostConfig,
    line: LINE_9600_7E1,
    listPorts: async () => sim.listing(),
    openLink: timedOpener,
    timing: { replyTimeoutMs: 60_000 },
  });

  const arrivalToEvent: number[] = [];
  const writeToEvent: number[] = [];
  let written = 0;
  let pending: (() => void) | null = null;
  source.onReading(() => {
    const now = performance.now();
    arrivalToEvent.push(now - lastArrival);
    writeToEvent.push(now - written);
    pending?.();
  });

  const frame = (i: number) => encodeToledoContinuousFrame({ ...displayState({ value: massFromSteps(100 + i, -2, 'lb') ?? 0 }), unit: 'lb' });
  const sendAndWait = (i: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      pending = () => {
        clearTimeout(timer);
        pending = null;
        resolve();
      };
      written = performance.now();
      sim.sendRaw(frame(i));
    });

  // A streaming indicator is silent to the host until it sends: once the port is open, send until connected.
  const portOpen = () =>
    new Promise<void>((resolve) => {
      const isOpen = () => source.status().state === 'connecting' && (source.status().message ?? '').startsWith('Waiting');
      if (isOpen()) return resolve();
      const off = source.onStatus(() => {
        if (!isOpen()) return;
        off();
        resolve();
      });
    });
  const sendUntilConnected = async () => {
    if (source.status().state !== 'connected') await portOpen();
    for (let i = 0; source.status().state !== 'connected'; i += 1) {
      if (i > 500) throw new Error('scale never connected');
      await sendAndWait(i);
    }
  };
  await sendUntilConnected();
  arrivalToEvent.length = 0;
  writeToEvent.length = 0;
  for (let i = 1; i <= FRAMES; i += 1) {
    await sendAndWait(i);
    await new Promise((r) => setTimeout(r, 1));
  }

  // Replug cycles.
  const reconnects: number[] = [];
  for (let cycle = 0; cycle < 5; cycle += 1) {
    await sim.unplug();
    await nextStatus(source, 'disconnected');
    const replug = await sim.replug();
    if (!replug.ok) throw new Error(replug.message);
    await sendUntilConnected();
    reconnects.push(Date.now() - replug.pluggedAt);
  }

  await source.stop();
  await sim.stop();

  const p99Arrival = percentile(arrivalToEvent, 99);
  const p99Write = percentile(writeToEvent, 99);
  const worstReconnect = Math.max(...reconnects);
  return [
    { name: `PTY: last-byte arrival → reading event (p50, ${arrivalToEvent.length} frames)`, value: percentile(arrivalToEvent, 50), unit: 'ms' },
    { name: 'PTY: last-byte arrival → reading event (p99)', value: p99Arrival, unit: 'ms', goal: 'p99 ≤ 1 ms', met: p99Arrival <= 1 },
    { name: 'PTY: simulator write → reading event, incl. socat relay (p50)', value: percentile(writeToEvent, 50), unit: 'ms' },
    { name: 'PTY: simulator write → reading event, incl. socat relay (p99)', value: p99Write, unit: 'ms', goal: 'p99 ≤ 1 ms', met: p99Write <= 1 },
    { name: 'PTY: replug → connected (worst of 5)', value: worstReconnect, unit: 'ms', goal: '≤ 2000 ms', met: worstReconnect <= 2000 },
  ];
}
