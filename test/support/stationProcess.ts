/**
 * Runs the real station (browser-mode host) as a child process, as `npm start` does, and talks to it like the UI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { ServerFrameSchema } from '../../shared/contract/wireFrames.ts';
import type { Result } from '../../shared/contract/result.ts';
import { DEMO_LEAD } from '../../electron/station/demoOperators.ts';

const root = path.resolve(import.meta.dirname, '../..');
const READY = 'ECMS_STATION_READY ';

export interface StationInfoLine {
  pageUrl: string;
  origin: string;
  token: string;
  stationId: string;
  dataDir: string;
  demo: boolean;
}

export interface StationProcess {
  readonly info: StationInfoLine;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** `script`: the process to run, relative to the repo (default: the browser-mode station). */
export async function startStationProcess(args: string[], env: Record<string, string> = {}, script = 'electron/host/runBrowserStation.ts'): Promise<StationProcess> {
  const child = spawn(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += String(d)));
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<StationInfoLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start in 30 s:\n${output}`)), 30_000);
    lines.on('line', (line) => {
      output += `${line}\n`;
      if (line.startsWith(READY)) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY.length)) as StationInfoLine);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    info, child, output: () => output,
    kill(signal) {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/** A WebSocket client like the renderer's, for tests. */
export class StationSocket {
  readonly #ws: WebSocket;
  #nextId = 1;
  readonly #pending = new Map<number, (r: Result<unknown>) => void>();
  readonly events: Array<{ event: string; data: unknown }> = [];

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (raw) => {
      const frame = ServerFrameSchema.parse(JSON.parse(String(raw)));
      if (frame.type === 'result') {
        this.#pending.get(frame.id)?.(frame.result);
        this.#pending.delete(frame.id);
      } else this.events.push({ event: frame.event, data: frame.data });
    });
    ws.on('close', () => {
      for (const [id, resolve] of this.#pending) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: 'connection closed' } });
        this.#pending.delete(id);
      }
    });
  }

  static open(info: StationInfoLine): Promise<StationSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${info.origin.replace('http', 'ws')}/ws?token=${info.token}`, { origin: info.origin });
      ws.once('open', () => resolve(new StationSocket(ws)));
      ws.once('error', reject);
    });
  }

  /** Opens a socket and signs in through `session.signIn` (default: the demo lead; the station runs with --demo). */
  static async openSignedIn(info: StationInfoLine, person: { operatorId: string; pin: string } = DEMO_LEAD): Promise<StationSocket> {
    const socket = await StationSocket.open(info);
    const signedIn = await socket.call('session.signIn', { operatorId: person.operatorId, pin: person.pin });
    if (!signedIn.ok) {
      socket.close();
      throw new Error(`signing in as ${person.operatorId} failed: ${signedIn.error.code} ${signedIn.error.message}`);
    }
    return socket;
  }

  call(command: string, request: unknown): Promise<Result<unknown>> {
    const id = this.#nextId++;
    const reply = new Promise<Result<unknown>>((resolve) => this.#pending.set(id, resolve));
    this.#ws.send(JSON.stringify({ id, command, request }));
    return reply;
  }

  close(): void {
    this.#ws.close();
  }
}
