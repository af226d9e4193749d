/**
 * The renderer checks what the station sends against the contract, so a mismatch shows as an error, not as a
 * half-drawn screen.
 */
import { COMMANDS, type CommandResponse } from '../../shared/contract/commands.ts';
import { EVENTS, type EventData } from '../../shared/contract/events.ts';
import type { CommandName, EventName } from '../../shared/contract/commandNames.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { WireResult } from '../../shared/contract/preloadApi.ts';

export function parseResponse<N extends CommandName>(name: N, result: WireResult): Result<CommandResponse<N>> {
  if (!result.ok) return result;
  const parsed = COMMANDS[name].response.safeParse(result.data);
  if (!parsed.success) {
    return { ok: false, error: { code: 'INTERNAL', message: `The station's answer to ${name} does not match the contract.` } };
  }
  return { ok: true, data: parsed.data as CommandResponse<N> };
}

export function parseEvent<E extends EventName>(event: E, data: unknown): { ok: true; data: EventData<E> } | { ok: false } {
  const parsed = EVENTS[event].safeParse(data);
  if (!parsed.success) {
    console.error(`event ${event} does not match the contract`, parsed.error.issues);
    return { ok: false };
  }
  return { ok: true, data: parsed.data as EventData<E> };
}
