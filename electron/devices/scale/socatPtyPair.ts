/**
 * A pseudo-terminal pair made by socat (`socat -d -d pty,raw,echo=0 pty,raw,echo=0`): bytes written on one end come
 * out of the other, like a null-modem cable. Killing socat removes both ends, which is how tests "unplug" a scale.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export const DEFAULT_SOCAT = '/usr/bin/socat';

export interface PtyPair {
  /** The end the simulated device uses. */
  readonly devicePath: string;
  /** The end the station opens, as it would open /dev/ttyUSB0. */
  readonly hostPath: string;
  /** Kills socat; resolves once it has exited (both paths are gone). */
  close(): Promise<void>;
}

export type PtyPairResult = { readonly ok: true; readonly pair: PtyPair } | { readonly ok: false; readonly message: string };

export async function openPtyPair(socatPath = DEFAULT_SOCAT, timeoutMs = 5000): Promise<PtyPairResult> {
  let child: ChildProcess;
  try {
    child = spawn(socatPath, ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return { ok: false, message: `cannot start ${socatPath}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Never leave a socat behind if this process exits without closing the pair.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let ready = false;
  let onEarlyExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      process.removeListener('exit', killOnExit);
      resolve();
      if (!ready) onEarlyExit(code);
    }),
  );
  return new Promise<PtyPairResult>((resolve) => {
    let log = '';
    const paths: string[] = [];
    const timer = setTimeout(() => fail(`socat did not report two ptys within ${timeoutMs} ms: ${log.trim()}`), timeoutMs);
    function fail(message: string): void {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ ok: false, message });
    }
    child.once('error', (error) => fail(`cannot start ${socatPath}: ${error.message}`));
    onEarlyExit = (code) => fail(`socat exited (${code}) before the ptys were ready: ${log.trim()}`);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      log = (log + text).slice(-4000);
      for (const m of text.matchAll(/PTY is (\S+)/g)) if (m[1]) paths.push(m[1]);
      const [devicePath, hostPath] = paths;
      if (!ready && devicePath && hostPath && /starting data transfer loop/.test(log)) {
        ready = true;
        clearTimeout(timer);
        resolve({
          ok: true,
          pair: {
            devicePath,
            hostPath,
            async close() {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              await exited;
            },
          },
        });
      }
    });
  });
}
