/**
 * Holds the current SyncStatus and tells subscribers on every change (and only on a change). Each emitted value is
 * checked against SyncStatusSchema, so what the UI receives always matches the contract.
 */
import { SyncStatusSchema, type SyncStatus } from '../../shared/sync/syncStatus.ts';

export type SyncStatusListener = (status: SyncStatus) => void;

export class StatusEmitter {
  private status: SyncStatus;
  private key: string;
  private readonly listeners = new Set<SyncStatusListener>();
  private readonly onListenerError: (err: unknown) => void;

  constructor(initial: SyncStatus, onListenerError: (err: unknown) => void) {
    this.status = SyncStatusSchema.parse(initial);
    this.key = JSON.stringify(this.status);
    this.onListenerError = onListenerError;
  }

  get(): SyncStatus {
    return this.status;
  }

  update(patch: Partial<SyncStatus>): void {
    const next = SyncStatusSchema.parse({ ...this.status, ...patch });
    const key = JSON.stringify(next);
    if (key === this.key) return;
    this.status = next;
    this.key = key;
    for (const l of [...this.listeners]) {
      try {
        l(next);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  /** Calls the listener at once with the current status, then on every change. Returns the unsubscribe function. */
  subscribe(listener: SyncStatusListener): () => void {
    this.listeners.add(listener);
    try {
      listener(this.status);
    } catch (err) {
      this.onListenerError(err);
    }
    return () => {
      this.listeners.delete(listener);
    };
  }
}
