/**
 * A fake serial line for probe tests: a simulated scale (real responders from shared/scale/simulation) that speaks at
 * its own line settings, and a SerialLinkOpener whose links garble bytes the way a mismatched UART would:
 * a different baud rate turns every byte into junk; 7E1 against 8N1 moves the parity bit into bit 7 (or drops the
 * byte on a parity error).
 */
import type { LineSettings } from '../../../shared/scale/lineSettings.ts';
import type { ScaleResponder } from '../../../shared/scale/simulation/scaleResponder.ts';
import type { SerialCloseReason, SerialLink, SerialLinkOpener } from '../../../electron/devices/scale/serialLink.ts';

function evenParityBit(byte: number): number {
  let ones = 0;
  for (let b = byte & 0x7f; b; b >>= 1) ones += b & 1;
  return ones & 1;
}

/** Bytes sent at `from` settings as received at `to` settings. */
export function acrossLine(bytes: Uint8Array, from: LineSettings, to: LineSettings): Uint8Array {
  if (from.baudRate !== to.baudRate) return bytes.map((b) => 0x80 | ((b * 73 + 41) & 0x7f));
  if (from.dataBits === to.dataBits) return bytes;
  const out: number[] = [];
  for (const byte of bytes) {
    if (from.dataBits === 7) {
      // 7 data bits + even parity read as 8 data bits: the parity bit lands in bit 7.
      out.push((byte & 0x7f) | (evenParityBit(byte) << 7));
    } else if (((byte >> 7) & 1) === evenParityBit(byte)) {
      // 8 data bits read as 7E1: bit 7 is taken for parity; a mismatch is a parity error and the byte is lost.
      out.push(byte & 0x7f);
    }
  }
  return Uint8Array.from(out);
}

export interface FakeScale {
  readonly responder: ScaleResponder;
  readonly line: LineSettings;
  /** Streaming period; ignored for request/response scales. */
  readonly streamMs?: number;
}

export interface FakeOpener extends SerialLinkOpener {
  /** Line settings of every successful open, in order. */
  readonly opened: LineSettings[];
  /** Paths of every successful open, in order. */
  readonly paths: string[];
  /** Simulates pulling the cable on every open link. */
  unplugAll(): void;
  /** Makes every open link go dead without reporting a close (a lost unplug notification). New opens work. */
  freezeAll(): void;
  /** Makes the next opens fail (null: succeed again). */
  failWith(failure: { problem: 'permissionDenied' | 'busy'; message: string } | null): void;
}

export function fakeOpener(scale: FakeScale | null, initialFailure?: { problem: 'permissionDenied' | 'busy'; message: string }): FakeOpener {
  const opened: LineSettings[] = [];
  const paths: string[] = [];
  const unplugs: Array<() => void> = [];
  const freezes: Array<() => void> = [];
  let failure = initialFailure ?? null;
  const opener = async (path: string, host: LineSettings) => {
    if (failure) return { ok: false as const, ...failure };
    opened.push(host);
    paths.push(path);
    const dataListeners: Array<(chunk: Uint8Array, at: number) => void> = [];
    const closeListeners: Array<(reason: SerialCloseReason, message: string) => void> = [];
    let open = true;
    let frozen = false;
    freezes.push(() => (frozen = true));
    const deliver = (bytes: Uint8Array) => {
      const received = acrossLine(bytes, scale?.line ?? host, host);
      if (open && !frozen && received.length > 0) for (const l of dataListeners) l(received, Date.now());
    };
    const stream = scale && scale.responder.stream(0) !== null ? setInterval(() => {
      const frame = scale.responder.stream(Date.now());
      if (frame) deliver(frame);
    }, scale.streamMs ?? 20) : null;
    const link: SerialLink = {
      path,
      write(bytes) {
        if (!open || !scale) return;
        const atDevice = acrossLine(bytes, host, scale.line);
        setTimeout(() => {
          for (const reply of scale.responder.receive(atDevice, Date.now())) deliver(reply);
        }, 1);
      },
      onData: (l) => void dataListeners.push(l),
      onClose: (l) => void closeListeners.push(l),
      async close() {
        if (!open) return;
        open = false;
        if (stream) clearInterval(stream);
        for (const l of closeListeners) l('closed', 'closed');
      },
    };
    unplugs.push(() => {
      if (!open) return;
      open = false;
      if (stream) clearInterval(stream);
      for (const l of closeListeners) l('unplugged', 'device disconnected');
    });
    return { ok: true as const, link };
  };
  return Object.assign(opener, {
    opened,
    paths,
    unplugAll: () => unplugs.splice(0).forEach((u) => u()),
    freezeAll: () => freezes.splice(0).forEach((f) => f()),
    failWith: (f: { problem: 'permissionDenied' | 'busy'; message: string } | null) => {
      failure = f;
    },
  });
}

/** Resolves when `test` passes, polling every 5 ms; rejects after `timeoutMs`. */
export async function waitUntil(test: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
