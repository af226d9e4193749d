/**
 * An error nothing caught: logged as fatal once, the log flushed, then exit code 1 — in that order, whatever
 * sequence of uncaught errors and rejections arrives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { installFatalErrorPolicy, type FatalKind } from '../../../shared/log/fatalErrorPolicy.ts';

function fakeProcess() {
  const handlers = new Map<FatalKind, (e: unknown) => void>();
  return { on: (event: FatalKind, h: (e: unknown) => void) => handlers.set(event, h), raise: (event: FatalKind, e: unknown) => handlers.get(event)?.(e) };
}

describe('fatal error policy', () => {
  it('logs the first error as fatal, flushes, then exits 1, for any sequence of errors', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom<FatalKind>('uncaughtException', 'unhandledRejection'), { minLength: 1, maxLength: 6 }), async (kinds) => {
      const proc = fakeProcess();
      const steps: string[] = [];
      installFatalErrorPolicy(proc, {
        fatal: (kind, error) => steps.push(`fatal ${kind} ${(error as Error).message}`),
        flush: async () => {
          await new Promise((r) => setTimeout(r, 1));
          steps.push('flushed');
        },
        exit: (code) => steps.push(`exit ${code}`),
      });
      kinds.forEach((kind, i) => proc.raise(kind, new Error(`e${i}`)));
      await new Promise((r) => setTimeout(r, 10));
      expect(steps).toEqual([`fatal ${kinds[0]} e0`, 'flushed', 'exit 1']);
    }), { numRuns: 30 });
  });

  it('still exits when the flush fails', async () => {
    const proc = fakeProcess();
    const exits: number[] = [];
    installFatalErrorPolicy(proc, { fatal: () => undefined, flush: () => Promise.reject(new Error('disk gone')), exit: (c) => exits.push(c) });
    proc.raise('unhandledRejection', new Error('x'));
    await new Promise((r) => setTimeout(r, 5));
    expect(exits).toEqual([1]);
  });
});
