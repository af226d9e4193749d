/**
 * Pull cursors are opaque to stations: base64url of {v, s: stream, sc: scope, e: epoch, n: last version sent}.
 * A cursor HQ cannot serve (unreadable, another stream or warehouse, an older epoch, or ahead of HQ's own counter
 * after a restore) is answered with a reset, never guessed at.
 */
import { z } from 'zod';

const CursorSchema = z.strictObject({
  v: z.literal(1),
  s: z.string(),
  sc: z.string(),
  e: z.number().int().positive(),
  n: z.number().int().nonnegative(),
});
export type StreamCursor = z.infer<typeof CursorSchema>;

export function encodeCursor(c: Omit<StreamCursor, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...c }), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): StreamCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const res = CursorSchema.safeParse(parsed);
    return res.success ? res.data : null;
  } catch {
    return null;
  }
}
