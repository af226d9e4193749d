/**
 * How a station reaches HQ: the base URL and the station's token (issued by `npm run hq -- token create`).
 * Parsed wherever it comes from (settings file, environment, flags).
 */
import { z } from 'zod';

export const HQ_TOKEN_PATTERN = /^ecms1_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/;

export const SyncConfigSchema = z.strictObject({
  hqUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().regex(HQ_TOKEN_PATTERN, 'not an ECMS HQ station token'),
  /** A PEM file HQ's HTTPS certificate must chain to (a pinned private CA); absent: the system's trusted CAs. */
  caFile: z.string().min(1).optional(),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;
