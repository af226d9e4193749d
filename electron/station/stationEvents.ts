/**
 * The station's event bus: typed by the contract's event map, shared by every transport.
 */
import type { EventName } from '../../shared/contract/commandNames.ts';
import type { EventData } from '../../shared/contract/events.ts';

type Listener<E extends EventName> = (data: EventData<E>) => void;

export class StationEvents {
  readonly #listeners = new Map<EventName, Set<(data: never) => void>>();

  emit<E extends EventName>(event: E, data: EventData<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as Listener<E>)(data);
  }

  subscribe<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as (data: never) => void);
    return () => set.delete(listener as (data: never) => void);
  }

  /** Subscribes one listener to every stream (transports forward them all). */
  subscribeAll(listener: <E extends EventName>(event: E, data: EventData<E>) => void, events: readonly EventName[]): () => void {
    const offs = events.map((event) => this.subscribe(event, (data) => listener(event, data)));
    return () => offs.forEach((off) => off());
  }
}
