-- Damage evidence photos the stations send (issue 12, item 5), kept with the event that announced them
-- (PHOTO_TAKEN). The partial index finds that event by photo id without slowing the ingest of other events.
CREATE TABLE station_photos (
  photo_id     text PRIMARY KEY,
  station_id   text NOT NULL REFERENCES stations (station_id),
  event_seq    bigint NOT NULL,
  intake_id    text NOT NULL,
  mime         text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  bytes        integer NOT NULL CHECK (bytes > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (station_id, event_seq) REFERENCES station_events (station_id, seq)
);
CREATE INDEX station_events_photo_taken ON station_events ((payload ->> 'photoId')) WHERE type = 'PHOTO_TAKEN';
