import type { Migration } from './migration.ts';

/**
 * Parcel lookup (issue 12 item 2): indexes so every search and list answers from an index on a year of intakes
 * (electron/db/queries/intakeSearch.ts; the query plans are asserted in test/unit/db/intakeSearchPlans.test.ts).
 *   intakes_by_created_id / _by_decision_ / _by_operator_   lists by day, verdict and operator, newest first, paged by
 *                                                           (created_at, intake_id) keys instead of OFFSET
 *   holds_by_location                                       a shelf slot → the parcels held there, newest first
 *   intake_reasons                                          one row per reason code of an intake's verdict, kept by
 *                                                           triggers whenever the verdict is written or changed
 *   manifest_names                                          the stored consignee name of each manifest, trigram
 *                                                           full-text (partial names), kept by triggers; a name masked
 *                                                           or purged by retention is replaced here too, and
 *                                                           secure-delete removes the old name from the index itself
 * A damaged JSON row (which the readers report as a storage failure) is indexed with no reasons / no name rather than
 * failing the write that stores it.
 */
const migration: Migration = {
  version: 80,
  name: 'parcel-lookup-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX intakes_by_created_id ON intakes(created_at, intake_id);
      CREATE INDEX intakes_by_decision_created ON intakes(decision, created_at, intake_id);
      CREATE INDEX intakes_by_operator_created ON intakes(operator, created_at, intake_id);
      CREATE INDEX holds_by_location ON holds(location, held_at);

      CREATE TABLE intake_reasons (
        code        TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        intake_id   TEXT NOT NULL REFERENCES intakes(intake_id),
        PRIMARY KEY (code, created_at, intake_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX intake_reasons_by_intake ON intake_reasons(intake_id);

      CREATE TRIGGER intake_reasons_on_insert AFTER INSERT ON intakes WHEN new.verdict_json IS NOT NULL BEGIN
        INSERT OR IGNORE INTO intake_reasons (code, created_at, intake_id)
          SELECT json_extract(r.value, '$.code'), new.created_at, new.intake_id FROM json_each(CASE WHEN json_valid(new.verdict_json) THEN new.verdict_json ELSE '{}' END, '$.reasons') r;
      END;
      CREATE TRIGGER intake_reasons_on_update AFTER UPDATE OF verdict_json ON intakes
        WHEN old.verdict_json IS NOT new.verdict_json BEGIN
        DELETE FROM intake_reasons WHERE intake_id = old.intake_id;
        INSERT OR IGNORE INTO intake_reasons (code, created_at, intake_id)
          SELECT json_extract(r.value, '$.code'), new.created_at, new.intake_id FROM json_each(CASE WHEN json_valid(new.verdict_json) THEN new.verdict_json ELSE '{}' END, '$.reasons') r
          WHERE new.verdict_json IS NOT NULL;
      END;
      CREATE TRIGGER intake_reasons_on_delete AFTER DELETE ON intakes BEGIN
        DELETE FROM intake_reasons WHERE intake_id = old.intake_id;
      END;
      INSERT OR IGNORE INTO intake_reasons (code, created_at, intake_id)
        SELECT json_extract(r.value, '$.code'), i.created_at, i.intake_id FROM intakes i, json_each(CASE WHEN json_valid(i.verdict_json) THEN i.verdict_json ELSE '{}' END, '$.reasons') r
        WHERE i.verdict_json IS NOT NULL;

      CREATE VIRTUAL TABLE manifest_names USING fts5(name, waybill UNINDEXED, tokenize = 'trigram');
      INSERT INTO manifest_names (manifest_names, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER manifest_names_on_insert AFTER INSERT ON manifests BEGIN
        INSERT INTO manifest_names (rowid, name, waybill) VALUES (new.rowid, CASE WHEN json_valid(new.entry_json) THEN coalesce(json_extract(new.entry_json, '$.consigneeName'), '') ELSE '' END, new.waybill);
      END;
      CREATE TRIGGER manifest_names_on_update AFTER UPDATE OF entry_json ON manifests BEGIN
        DELETE FROM manifest_names WHERE rowid = old.rowid;
        INSERT INTO manifest_names (rowid, name, waybill) VALUES (new.rowid, CASE WHEN json_valid(new.entry_json) THEN coalesce(json_extract(new.entry_json, '$.consigneeName'), '') ELSE '' END, new.waybill);
      END;
      CREATE TRIGGER manifest_names_on_delete AFTER DELETE ON manifests BEGIN
        DELETE FROM manifest_names WHERE rowid = old.rowid;
      END;
      INSERT INTO manifest_names (rowid, name, waybill)
        SELECT rowid, CASE WHEN json_valid(entry_json) THEN coalesce(json_extract(entry_json, '$.consigneeName'), '') ELSE '' END, waybill FROM manifests;
    `);
  },
};
export default migration;
