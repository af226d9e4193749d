import type { Migration } from './migration.ts';

/**
 * Performance with a year of history (issue 17, item 2): every query the station runs per command or per screen
 * refresh answers from an index, and the two counts it shows after every command are kept up to date instead of
 * counted (test/unit/db/hotQueryPlans.test.ts asserts the plans; test/unit/db/queueCounters.test.ts the counters).
 *   intakes_open_by_updated   the open intake (every scan, intake.current, auto-capture): a partial index holding
 *                             only the few intakes not ready or cancelled
 *   intakes_by_updated        intake.recent, newest first
 *   print_jobs_open_by_created the print queue's jobs not done (a partial index: only the waiting ones)
 *   print_jobs_finished       the print queue's most recent done or voided jobs, newest first
 *   outbox_counts             pending / acked / dead rows of the outbox, kept by triggers in the same transaction as
 *                             the change (the sync badge read count(*) of the whole pending outbox after every command)
 *   print_job_counts          jobs per state that are not voided, kept the same way (the print queue's counts)
 *   event_compaction          how far synced events were compacted (queries/eventCompaction.ts): events up to
 *                             through_seq lost the bulky parts of their payload HQ already holds
 */
const migration: Migration = {
  version: 100,
  name: 'hot-query-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX intakes_open_by_updated ON intakes(updated_at) WHERE state NOT IN ('ready','cancelled');
      CREATE INDEX intakes_by_updated ON intakes(updated_at);
      CREATE INDEX print_jobs_open_by_created ON print_jobs(created_at) WHERE state <> 'done' AND voided_at IS NULL;
      CREATE INDEX print_jobs_finished ON print_jobs(COALESCE(done_at, voided_at)) WHERE (state = 'done' OR voided_at IS NOT NULL);

      CREATE TABLE outbox_counts (
        state TEXT PRIMARY KEY CHECK (state IN ('pending','acked','dead')),
        n     INTEGER NOT NULL CHECK (n >= 0)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO outbox_counts (state, n)
        SELECT s.state, (SELECT count(*) FROM outbox o WHERE o.state = s.state)
          FROM (SELECT 'pending' AS state UNION ALL SELECT 'acked' UNION ALL SELECT 'dead') s;
      CREATE TRIGGER outbox_counts_on_insert AFTER INSERT ON outbox BEGIN
        UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
      END;
      CREATE TRIGGER outbox_counts_on_update AFTER UPDATE OF state ON outbox WHEN old.state IS NOT new.state BEGIN
        UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
        UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
      END;
      CREATE TRIGGER outbox_counts_on_delete AFTER DELETE ON outbox BEGIN
        UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
      END;

      CREATE TABLE print_job_counts (
        state TEXT PRIMARY KEY CHECK (state IN ('queued','sending','handoff','done','failed')),
        n     INTEGER NOT NULL CHECK (n >= 0)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO print_job_counts (state, n)
        SELECT s.state, (SELECT count(*) FROM print_jobs j WHERE j.state = s.state AND j.voided_at IS NULL)
          FROM (SELECT 'queued' AS state UNION ALL SELECT 'sending' UNION ALL SELECT 'handoff' UNION ALL SELECT 'done' UNION ALL SELECT 'failed') s;
      CREATE TRIGGER print_job_counts_on_insert AFTER INSERT ON print_jobs WHEN new.voided_at IS NULL BEGIN
        UPDATE print_job_counts SET n = n + 1 WHERE state = new.state;
      END;
      CREATE TRIGGER print_job_counts_on_update AFTER UPDATE OF state, voided_at ON print_jobs
        WHEN old.state IS NOT new.state OR (old.voided_at IS NULL) <> (new.voided_at IS NULL) BEGIN
        UPDATE print_job_counts SET n = n - 1 WHERE state = old.state AND old.voided_at IS NULL;
        UPDATE print_job_counts SET n = n + 1 WHERE state = new.state AND new.voided_at IS NULL;
      END;
      CREATE TABLE event_compaction (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        through_seq INTEGER NOT NULL
      ) STRICT;
      INSERT INTO event_compaction (id, through_seq) VALUES (1, 0);

      CREATE TRIGGER print_job_counts_on_delete AFTER DELETE ON print_jobs WHEN old.voided_at IS NULL BEGIN
        UPDATE print_job_counts SET n = n - 1 WHERE state = old.state;
      END;
    `);
  },
};
export default migration;
