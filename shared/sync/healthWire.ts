/** GET /v1/health: no token needed; the station's connectivity probe. */
import { z } from 'zod';

export const HealthResponseSchema = z.object({
  ok: z.literal(true),
  service: z.literal('ecms-hq'),
  serverTime: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
