/**
 * The station's event bus: typed by the contract's event map, shared by every transport. A listener that throws is
 * logged and never stops the others nor the station (electron/devices/listenerSet.ts).
 */
import type { EventName } from '../../shared/contract/commandNames.ts';
import type { EventData } from '../../shared/contract/events.ts';
import { listenerSet, logListenerError, type ListenerErrorReport, type ListenerSet } from '../devices/listenerSet.ts';

type Listener<E extends EventName> = (data: EventData<E>) => void;

export class StationEvents {
  readonly #sets = new Map<EventName, ListenerSet<never>>();
  readonly #onError: (event: EventName) => ListenerErrorReport;

  /** `logger`: where a failing listener is written (default: the process logger). */
  constructor(logger?: { error(fields: object, message: string): void }) {
    this.#onError = (event) => logListenerError(`${event} event`, logger);
  }

  emit<E extends EventName>(event: E, data: EventData<E>): void {
    (this.#sets.get(event) as ListenerSet<EventData<E>> | undefined)?.emit(data);
  }

  subscribe<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#sets.get(event) as ListenerSet<EventData<E>> | undefined;
    if (!set) {
      set = listenerSet<EventData<E>>(this.#onError(event));
      this.#sets.set(event, set as ListenerSet<never>);
    }
    return set.add(listener);
  }

  /** Subscribes one listener to every stream (transports forward them all). */
  subscribeAll(listener: <E extends EventName>(event: E, data: EventData<E>) => void, events: readonly EventName[]): () => void {
    const offs = events.map((event) => this.subscribe(event, (data) => listener(event, data)));
    return () => offs.forEach((off) => off());
  }
}
