-- Operator events (issue 12 item 1): OPERATOR_ADDED, OPERATOR_UPDATED, OPERATOR_PIN_RESET, OPERATOR_SIGNED_IN and
-- OPERATOR_SIGNED_OUT belong to no parcel, so a station event may carry no intake id.
ALTER TABLE station_events ALTER COLUMN intake_id DROP NOT NULL;

-- Finding one person's events without reading every parcel event. Partial: only operator events are indexed, so the
-- parcel events' ingest speed is unchanged (see 0020 on why station_events has no other secondary index).
CREATE INDEX station_events_by_operator ON station_events (station_id, (payload->>'operatorId'), seq)
  WHERE type IN ('OPERATOR_ADDED', 'OPERATOR_UPDATED', 'OPERATOR_PIN_RESET', 'OPERATOR_SIGNED_IN', 'OPERATOR_SIGNED_OUT');

-- Each operator's latest state per station (and its warehouse), from the station's own events:
--   name, role, active  from the latest OPERATOR_ADDED / OPERATOR_UPDATED (for a person the station had before it
--                       sent operator events, name and role come from their latest sign-in, and active is null);
--   signed_in           whether their latest sign-in or sign-out event is a sign-in (a station that stopped without
--                       signing them out keeps them signed in here until its next event about them);
--   last_*              the latest operator event about them: its number, type and device time (epoch ms).
CREATE VIEW hq_operators AS
WITH operator_events AS (
  SELECT e.station_id, e.seq, e.type, e.payload, e.captured_at, e.payload->>'operatorId' AS operator_id
    FROM station_events e
   WHERE e.type IN ('OPERATOR_ADDED', 'OPERATOR_UPDATED', 'OPERATOR_PIN_RESET', 'OPERATOR_SIGNED_IN', 'OPERATOR_SIGNED_OUT')
),
latest AS (
  SELECT DISTINCT ON (station_id, operator_id) station_id, operator_id, seq, type, captured_at
    FROM operator_events ORDER BY station_id, operator_id, seq DESC
),
roster AS (
  SELECT DISTINCT ON (station_id, operator_id) station_id, operator_id,
         payload->>'name' AS name, payload->>'role' AS role, (payload->>'active')::boolean AS active
    FROM operator_events WHERE type IN ('OPERATOR_ADDED', 'OPERATOR_UPDATED')
   ORDER BY station_id, operator_id, seq DESC
),
sign AS (
  SELECT DISTINCT ON (station_id, operator_id) station_id, operator_id, type
    FROM operator_events WHERE type IN ('OPERATOR_SIGNED_IN', 'OPERATOR_SIGNED_OUT')
   ORDER BY station_id, operator_id, seq DESC
),
sign_in AS (
  SELECT DISTINCT ON (station_id, operator_id) station_id, operator_id,
         payload->>'name' AS name, payload->>'role' AS role, captured_at
    FROM operator_events WHERE type = 'OPERATOR_SIGNED_IN'
   ORDER BY station_id, operator_id, seq DESC
)
SELECT l.station_id, s.warehouse, l.operator_id,
       COALESCE(r.name, i.name) AS name,
       COALESCE(r.role, i.role) AS role,
       r.active,
       COALESCE(g.type = 'OPERATOR_SIGNED_IN', false) AS signed_in,
       i.captured_at AS last_signed_in_at,
       l.seq AS last_seq, l.type AS last_event, l.captured_at AS last_event_at
  FROM latest l
  JOIN stations s ON s.station_id = l.station_id
  LEFT JOIN roster r ON r.station_id = l.station_id AND r.operator_id = l.operator_id
  LEFT JOIN sign g ON g.station_id = l.station_id AND g.operator_id = l.operator_id
  LEFT JOIN sign_in i ON i.station_id = l.station_id AND i.operator_id = l.operator_id;
