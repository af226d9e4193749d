/**
 * `npm start` runs its parts as child processes (the demo HQ, and the station or Electron) and keeps them together:
 * when one ends, the others are stopped and the launcher says which part ended and why, so no demo HQ is left
 * running holding its PGlite lock. Parts are started in order; if one cannot start, the ones already running stop.
 */
import type { ChildProcess } from 'node:child_process';

export interface SupervisedChild {
  /** What the worker calls it: "the station", "the demo HQ". */
  readonly name: string;
  readonly child: ChildProcess;
  /** Ask it to stop (SIGTERM) and wait for it. */
  stop(): Promise<unknown>;
}

export interface ChildEnd {
  readonly name: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function ended(part: SupervisedChild): Promise<ChildEnd> {
  const { child, name } = part;
  if (hasExited(child)) return Promise.resolve({ name, code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ name, code, signal })));
}

/** How a part's end is told: "The station stopped (exit code 1)", "The demo HQ was stopped unexpectedly (SIGKILL)". */
export function describeEnd(end: ChildEnd): string {
  const name = `${end.name.charAt(0).toUpperCase()}${end.name.slice(1)}`;
  return end.signal ? `${name} was stopped unexpectedly (${end.signal})` : `${name} stopped (exit code ${String(end.code)})`;
}

/** Stops every part still running, the last started first. */
export async function stopAll(parts: readonly SupervisedChild[]): Promise<void> {
  for (const part of [...parts].reverse()) {
    if (!hasExited(part.child)) await part.stop();
  }
}

/** Starts parts one after another; if one fails to start, stops those already running, then rethrows. */
export async function startInOrder(starters: ReadonlyArray<(running: readonly SupervisedChild[]) => Promise<SupervisedChild | null>>): Promise<SupervisedChild[]> {
  const running: SupervisedChild[] = [];
  for (const start of starters) {
    try {
      const part = await start(running);
      if (part) running.push(part);
    } catch (error) {
      await stopAll(running);
      throw error;
    }
  }
  return running;
}

/**
 * Resolves when the first part ends by itself, after stopping the others (told through `say`). `stopping()` is true
 * while the launcher is shutting everything down on purpose, so those ends are not reported as failures.
 */
export async function superviseUntilOneEnds(parts: readonly SupervisedChild[], say: (line: string) => void, stopping: () => boolean = () => false): Promise<ChildEnd> {
  const first = await Promise.race(parts.map(ended));
  const others = parts.filter((p) => p.name !== first.name && !hasExited(p.child));
  if (!stopping()) {
    const names = others.map((p) => p.name).join(' and ');
    say(`${describeEnd(first)}${names ? `; stopping ${names} too` : ''}. Start again when ready.`);
  }
  await stopAll(others);
  return first;
}

/** Last resort when the launcher itself exits: every child still running gets SIGTERM (synchronously). */
export function killOnExit(proc: NodeJS.Process, parts: () => readonly SupervisedChild[]): void {
  proc.once('exit', () => {
    for (const part of parts()) if (!hasExited(part.child)) part.child.kill('SIGTERM');
  });
}
