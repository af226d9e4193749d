/**
 * A timer-drift probe: a timer due every `everyMs` notes how late it fires. The worst lateness is the longest the
 * event loop was blocked (a command arriving then waited as long).
 */
export function startLoopStallProbe(everyMs = 2): { stop(): { maxStallMs: number; p99StallMs: number } } {
  const lateness: number[] = [];
  let due = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - due));
    due = now + everyMs;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const sorted = lateness.sort((a, b) => a - b);
      return { maxStallMs: sorted.at(-1) ?? 0, p99StallMs: sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)] ?? 0 };
    },
  };
}
