/**
 * Frames on the browser-mode WebSocket. Both ends parse every frame with these schemas.
 */
import { z } from 'zod';
import { COMMAND_NAMES, EVENT_NAMES } from './commandNames.ts';
import { StationErrorSchema } from './result.ts';

export const ClientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  command: z.enum(COMMAND_NAMES),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: StationErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.enum(EVENT_NAMES), data: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
