/** Converting driver values (pg gives int8 as string, PGlite as number) into plain numbers, loudly. */
import { HqError } from '../hqError.ts';

export function toInt(value: unknown, what: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new HqError('INTERNAL', `Database returned a non-integer ${what}: ${String(value)}`);
  return n;
}

export function toText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new HqError('INTERNAL', `Database returned a non-text ${what}`);
  return value;
}
