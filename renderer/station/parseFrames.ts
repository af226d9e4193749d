/**
 * The renderer checks what the station sends against the contract, so a mismatch shows as an error, not as a
 * half-drawn screen. Every frame that does not match is reported (console.warn, with the reason) and counted by the
 * client's FrameCheck — never dropped silently.
 */
import { COMMANDS, type CommandResponse } from '../../shared/contract/commands.ts';
import { EVENTS, type EventData } from '../../shared/contract/events.ts';
import type { CommandName, EventName } from '../../shared/contract/commandNames.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { WireResult } from '../../shared/contract/preloadApi.ts';

export interface FrameCheck {
  /** Records one frame that did not match the contract. */
  reject(reason: string, detail?: unknown): void;
  /** How many frames did not match since the client started. */
  invalidFrames(): number;
}

export function frameCheck(warn: (message: string, detail: unknown) => void = (m, d) => console.warn(m, d)): FrameCheck {
  let count = 0;
  return {
    reject(reason, detail) {
      count++;
      warn(`ECMS station: ignored a frame that does not match the contract (${reason})`, detail);
    },
    invalidFrames: () => count,
  };
}

export function parseResponse<N extends CommandName>(name: N, result: WireResult, check: FrameCheck): Result<CommandResponse<N>> {
  if (!result.ok) return result;
  const parsed = COMMANDS[name].response.safeParse(result.data);
  if (!parsed.success) {
    check.reject(`answer to ${name}`, parsed.error.issues);
    return { ok: false, error: { code: 'INTERNAL', message: 'The station sent an answer this screen does not understand. Reload the page; if it happens again, call a supervisor.' } };
  }
  return { ok: true, data: parsed.data as CommandResponse<N> };
}

export function parseEvent<E extends EventName>(event: E, data: unknown, check: FrameCheck): { ok: true; data: EventData<E> } | { ok: false } {
  const parsed = EVENTS[event].safeParse(data);
  if (!parsed.success) {
    check.reject(`event ${event}`, parsed.error.issues);
    return { ok: false };
  }
  return { ok: true, data: parsed.data as EventData<E> };
}

/** What a call returns when the station gave no answer in time. */
export function unreachable<T>(): Result<T> {
  return {
    ok: false,
    error: { code: 'STATION_UNREACHABLE', message: 'The station did not answer in time. Check that it is running, then try again.' },
  };
}

/** Resolves with `promise`, or with STATION_UNREACHABLE after `ms`. */
export async function withCallTimeout<T>(promise: Promise<Result<T>>, ms: number, onTimeout: () => void = () => undefined): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve(unreachable());
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
