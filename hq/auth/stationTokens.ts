/**
 * Station tokens: `ecms1_<tokenId>_<secret>`, tokenId 8 random bytes in hex (the lookup key, not secret), secret 32
 * random bytes in base64url (256 bits). HQ stores only SHA-256(secret) and compares it in constant time.
 *
 * Why SHA-256 and not scrypt: scrypt/argon2 exist to slow down guessing of LOW-entropy secrets (passwords). A
 * 256-bit random secret cannot be guessed whatever the hash speed (2^256 tries), so a slow hash adds no security
 * but costs tens of ms of CPU on every request — on a 2-core HQ that is both a throughput limit and a denial-of-
 * service lever for anyone sending bogus tokens. A stolen hash table still does not yield usable tokens.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HqSql } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { HQ_TOKEN_PATTERN } from '../../shared/sync/syncConfig.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { WAREHOUSES } from '../../shared/manifest/destinations.ts';

export interface StationPrincipal {
  readonly stationId: string;
  readonly warehouse: Warehouse;
  readonly tokenId: string;
}

export const STATION_ID_PATTERN = /^[A-Z]{3}-[A-Z0-9-]{1,20}$/;

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function parseToken(token: string): { tokenId: string; secret: string } | null {
  if (!HQ_TOKEN_PATTERN.test(token)) return null;
  // ecms1_ (6) + 16 hex + _ + 43 base64url (which may itself contain '_').
  return { tokenId: token.slice(6, 22), secret: token.slice(23) };
}

/** Creates the station if new (a station never changes warehouse) and issues a token for it. */
export async function createStationToken(
  sql: HqSql,
  input: { stationId: string; warehouse: Warehouse; label?: string },
): Promise<{ token: string; tokenId: string }> {
  if (!STATION_ID_PATTERN.test(input.stationId)) {
    throw new HqError('INVALID_REQUEST', `Station id ${JSON.stringify(input.stationId)} is not like LAX-01 (3 capitals, a dash, then capitals, digits or dashes)`);
  }
  if (!(WAREHOUSES as readonly string[]).includes(input.warehouse)) throw new HqError('INVALID_REQUEST', `Unknown warehouse ${input.warehouse}`);
  await sql.query('INSERT INTO stations (station_id, warehouse) VALUES ($1, $2) ON CONFLICT (station_id) DO NOTHING', [input.stationId, input.warehouse]);
  const existing = await sql.query<{ warehouse: string }>('SELECT warehouse FROM stations WHERE station_id = $1', [input.stationId]);
  const wh = existing.rows[0]?.warehouse;
  if (wh !== input.warehouse) {
    throw new HqError('INVALID_REQUEST', `Station ${input.stationId} belongs to ${wh ?? '?'}, not ${input.warehouse}`);
  }
  const tokenId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await sql.query('INSERT INTO station_tokens (token_id, station_id, secret_hash, label) VALUES ($1, $2, $3, $4)', [
    tokenId,
    input.stationId,
    hashSecret(secret),
    input.label ?? null,
  ]);
  return { token: `ecms1_${tokenId}_${secret}`, tokenId };
}

export async function revokeStationToken(sql: HqSql, tokenId: string): Promise<boolean> {
  const res = await sql.query('UPDATE station_tokens SET revoked_at = now() WHERE token_id = $1 AND revoked_at IS NULL', [tokenId]);
  return res.affected > 0;
}

/** The station a bearer token stands for, or an UNAUTHORIZED HqError. */
export async function verifyStationToken(sql: HqSql, token: string): Promise<StationPrincipal> {
  const parsed = parseToken(token);
  if (!parsed) throw new HqError('UNAUTHORIZED', 'Not an ECMS HQ station token');
  const res = await sql.query<{ station_id: string; warehouse: string; secret_hash: Uint8Array; revoked_at: unknown }>(
    `SELECT t.station_id, s.warehouse, t.secret_hash, t.revoked_at
       FROM station_tokens t JOIN stations s USING (station_id) WHERE t.token_id = $1`,
    [parsed.tokenId],
  );
  const row = res.rows[0];
  // Hash and compare even for an unknown id, so the answer takes the same time either way.
  const expected = row ? Buffer.from(row.secret_hash) : Buffer.alloc(32);
  const match = timingSafeEqual(hashSecret(parsed.secret), expected.length === 32 ? expected : Buffer.alloc(32));
  if (!row || !match || row.revoked_at !== null) throw new HqError('UNAUTHORIZED', 'Unknown or revoked station token');
  const warehouse = WAREHOUSES.find((w) => w === row.warehouse);
  if (!warehouse) throw new HqError('INTERNAL', `Station ${row.station_id} has an unknown warehouse`);
  return { stationId: row.station_id, warehouse, tokenId: parsed.tokenId };
}
