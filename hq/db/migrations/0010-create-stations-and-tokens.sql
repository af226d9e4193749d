-- Stations known to HQ and their tokens. A token is scoped to exactly one station (and so to its warehouse).
-- Only the SHA-256 of a token's 256-bit random secret is stored (see hq/auth/stationTokens.ts for why not scrypt).
CREATE TABLE stations (
  station_id    text PRIMARY KEY,
  warehouse     text NOT NULL CHECK (warehouse IN ('LAX', 'CHI')),
  -- Highest event sequence number held for the station (stored or rejected for good): the push high-water mark.
  last_seq      bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  last_push_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE station_tokens (
  token_id     text PRIMARY KEY,
  station_id   text NOT NULL REFERENCES stations (station_id),
  secret_hash  bytea NOT NULL,
  label        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX station_tokens_by_station ON station_tokens (station_id);
