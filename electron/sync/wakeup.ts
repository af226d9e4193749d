/**
 * A sleep that can be cut short. A wake() that arrives while nobody sleeps is remembered, so the next wait returns at
 * once: a nudge during a sync cycle is never lost.
 */
export class Wakeup {
  private pending = false;
  private current: { timer: ReturnType<typeof setTimeout>; resolve: (woken: boolean) => void } | null = null;

  /** Resolves true when woken, false when `ms` passed. */
  wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.current = null;
        resolve(false);
      }, Math.max(0, ms));
      this.current = { timer, resolve };
    });
  }

  wake(): void {
    const c = this.current;
    if (c) {
      this.current = null;
      clearTimeout(c.timer);
      c.resolve(true);
    } else {
      this.pending = true;
    }
  }
}
