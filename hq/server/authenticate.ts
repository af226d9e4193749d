/** Reads `Authorization: Bearer <token>` and returns the station it stands for (or throws UNAUTHORIZED). */
import type { FastifyRequest } from 'fastify';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { verifyStationToken, type StationPrincipal } from '../auth/stationTokens.ts';

export async function authenticate(db: HqDb, request: FastifyRequest): Promise<StationPrincipal> {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m?.[1]) throw new HqError('UNAUTHORIZED', 'Send the station token as "Authorization: Bearer <token>"');
  return verifyStationToken(db, m[1]);
}
