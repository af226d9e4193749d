/**
 * Finds which protocol and line settings a port speaks: for each candidate line setting, open the port, listen
 * (streaming Toledo Continuous), then send the MT-SICS, NCI and 8213 weight requests and judge the answers with the
 * real parsers (shared/scale/scaleDetection.ts). Stops at the first setting that yields validated frames. A wrong
 * baud rate or parity garbles bytes, so it yields nothing and the next setting is tried.
 */
import { PROBE_LINE_SETTINGS, formatLineSettings, type LineSettings } from '../../../shared/scale/lineSettings.ts';
import { PROBE_REQUESTS, detectToledoFormat, judgeRequestAnswer } from '../../../shared/scale/scaleDetection.ts';
import type { SerialProtocolConfig } from '../../../shared/scale/serialProtocolConfig.ts';
import { concatBytes } from '../../../shared/scale/asciiBytes.ts';
import { openSerialLink, type SerialLink, type SerialLinkOpener, type SerialOpenProblem } from './serialLink.ts';

export interface ProbeOptions {
  readonly path: string;
  readonly lines?: readonly LineSettings[];
  /** How long to listen for a streaming scale per setting (default 600 ms). */
  readonly listenMs?: number;
  /** How long to wait for the answer to one request (default 400 ms). */
  readonly answerMs?: number;
  readonly openLink?: SerialLinkOpener;
  readonly onProgress?: (line: string) => void;
}

export type ProbeResult =
  | {
      readonly ok: true;
      readonly protocol: SerialProtocolConfig;
      readonly line: LineSettings;
      /** False when a setting could not be read from the frames (the 8213 unit): confirm it with the user. */
      readonly unitConfirmed: boolean;
    }
  | { readonly ok: false; readonly problem: 'noScaleFound' | SerialOpenProblem; readonly message: string };

export async function probeScalePort(options: ProbeOptions): Promise<ProbeResult> {
  const openLink = options.openLink ?? openSerialLink;
  const listenMs = options.listenMs ?? 600;
  const answerMs = options.answerMs ?? 400;
  const progress = options.onProgress ?? (() => undefined);
  const tried: string[] = [];

  for (const line of options.lines ?? PROBE_LINE_SETTINGS) {
    const name = formatLineSettings(line);
    progress(`trying ${name}`);
    const opened = await openLink(options.path, line);
    if (!opened.ok) {
      // Permissions, a busy port or a missing device do not depend on the line setting.
      return { ok: false, problem: opened.problem, message: `Cannot open ${options.path}: ${opened.message}` };
    }
    tried.push(name);
    try {
      const found = await probeOpenLink(opened.link, listenMs, answerMs);
      if (found) return { ok: true, line, ...found };
    } finally {
      await opened.link.close();
    }
  }
  return { ok: false, problem: 'noScaleFound', message: `No scale protocol recognised on ${options.path} (tried ${tried.join(', ')})` };
}

async function probeOpenLink(link: SerialLink, listenMs: number, answerMs: number): Promise<{ protocol: SerialProtocolConfig; unitConfirmed: boolean } | null> {
  let chunks: Uint8Array[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  link.onData((chunk) => {
    chunks.push(chunk);
    wake?.();
  });
  link.onClose(() => {
    closed = true;
    wake?.();
  });

  /** Waits until `judge` accepts the bytes received so far, or `ms` pass. */
  async function collect<T>(ms: number, judge: (bytes: Uint8Array) => T | null): Promise<T | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const verdict = judge(concatBytes(chunks));
      if (verdict !== null || closed || Date.now() >= deadline) return verdict;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const toledo = await collect(listenMs, (bytes) => detectToledoFormat(bytes));
  if (toledo) return { protocol: { protocol: 'toledo-continuous', ...toledo }, unitConfirmed: true };
  for (const request of PROBE_REQUESTS) {
    chunks = [];
    link.write(request.bytes);
    const answer = await collect(answerMs, judgeRequestAnswer);
    if (answer) return answer;
  }
  return null;
}
