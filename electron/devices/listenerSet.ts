/**
 * The one listener set of the Node side (devices, station events, print queue). A throwing listener never breaks
 * the emitter nor the process: its error is reported (logged) and the other listeners still run.
 */
import { processLogger } from '../log/processLogger.ts';

export type Unsubscribe = () => void;

export interface ListenerSet<T> {
  add(listener: (value: T) => void): Unsubscribe;
  emit(value: T): void;
  clear(): void;
  size(): number;
}

/** Told about a listener's error; by default the process logger writes it. */
export type ListenerErrorReport = (error: unknown) => void;

/** Reports to `logger`, or to the process logger of the moment the error happens. */
export function logListenerError(what: string, logger?: { error(fields: object, message: string): void }): ListenerErrorReport {
  return (error) => (logger ?? processLogger()).error({ err: error, listenerOf: what }, `a ${what} listener failed`);
}

export function listenerSet<T>(onError: ListenerErrorReport = logListenerError('device event')): ListenerSet<T> {
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
          onError(error);
        }
      }
    },
    clear: () => listeners.clear(),
    size: () => listeners.size,
  };
}
