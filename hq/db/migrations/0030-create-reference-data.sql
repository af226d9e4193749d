-- Reference data the stations pull. Every change takes the next number from change_version (under a writer lock,
-- see hq/streams/changeLock.ts), so "rows with version > cursor" is an exact, resumable page order.
CREATE SEQUENCE change_version AS bigint START 1;

CREATE TABLE manifests (
  waybill         text PRIMARY KEY,
  warehouse       text NOT NULL CHECK (warehouse IN ('LAX', 'CHI')),
  destination     text NOT NULL,
  entry           jsonb NOT NULL,
  -- The manifests stream is a compacted log of two kinds of change per row, each with its own version:
  -- the entry itself (import) at entry_version, and its latest status change (ID received, duties paid) at
  -- status_version (NULL until HQ records one). See hq/streams/pullPage.ts.
  entry_version   bigint NOT NULL UNIQUE,
  status_version  bigint UNIQUE,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX manifests_by_warehouse_entry_version ON manifests (warehouse, entry_version);
CREATE INDEX manifests_by_warehouse_status_version ON manifests (warehouse, status_version);

CREATE TABLE reference_docs (
  kind           text NOT NULL CHECK (kind IN ('rateCard', 'prohibitedRules')),
  doc_id         text NOT NULL,
  doc_version    text NOT NULL,
  body           jsonb NOT NULL,
  version        bigint NOT NULL UNIQUE,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, doc_id)
);
CREATE INDEX reference_docs_by_kind_version ON reference_docs (kind, version);

-- Bumping a stream's epoch orders every station holding an older cursor to drop its copy and download again.
-- scope is the warehouse for manifests and '*' for the reference documents.
CREATE TABLE stream_epochs (
  stream   text NOT NULL,
  scope    text NOT NULL,
  epoch    integer NOT NULL DEFAULT 1,
  reason   text,
  PRIMARY KEY (stream, scope)
);

-- What happened to consignee ID and duties, by whom: the audit trail behind the statuses in manifests.entry.
CREATE TABLE status_changes (
  id                   bigserial PRIMARY KEY,
  waybill              text NOT NULL REFERENCES manifests (waybill),
  consignee_id_status  text,
  duties_status        text,
  note                 text,
  changed_at           timestamptz NOT NULL DEFAULT now()
);
