/**
 * A set of device-event listeners. A throwing listener never breaks the device's read loop: its error is rethrown
 * as an uncaught error (logged by the process) and the other listeners still run.
 */
export type Unsubscribe = () => void;

export interface ListenerSet<T> {
  add(listener: (value: T) => void): Unsubscribe;
  emit(value: T): void;
  clear(): void;
}

export function listenerSet<T>(): ListenerSet<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
