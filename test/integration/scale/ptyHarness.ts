/** Shared pieces of the PTY integration tests: waiting on events with generous timeouts on a loaded machine. */
import type { ScaleSource } from '../../../electron/devices/scale/scaleSource.ts';
import type { ScaleDeviceStatus } from '../../../shared/scale/reading.ts';

/** Resolves with the time a status satisfying `test` is reached (now if already there). */
export function statusReached(source: ScaleSource, test: (s: ScaleDeviceStatus) => boolean, timeoutMs: number, what: string): Promise<number> {
  if (test(source.status())) return Promise.resolve(Date.now());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; status is ${JSON.stringify(source.status())}`));
    }, timeoutMs);
    const off = source.onStatus((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      off();
      resolve(Date.now());
    });
  });
}

export async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
