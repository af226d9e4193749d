import type { Migration } from './migration.ts';

/**
 * Printing (electron/printing): the persistent print queue and the printer setup.
 *
 * print_jobs: one row per document to print. The document model (JSON) is stored with the job, so a job survives a
 * restart and prints exactly what was decided; `target_json` is the printer it goes to (null while no printer is
 * set up for the document: the job waits as failed/NO_PRINTER), `payload` the bytes rendered for that printer
 * (filled in before the first send, cleared when the job moves to another printer). Jobs are never deleted: done
 * and failed jobs are the parcel's print history.
 *   state        queued → sending → done; queued ⇄ sending while the printer is offline (retried with backoff);
 *                handoff (browser print, a person confirms); failed (needs a person; "retry" queues it again)
 *   request_id   the command that asked for it: a retried request finds its job instead of printing twice
 *   copy_no      1 = first print of this document for this parcel, 2 = first reprint, …
 *   target_key   one physical printer: jobs for it are sent oldest first and wait together
 * print_settings: the printer setup (a single row, JSON checked with PrintSettingsSchema on every read).
 */
const migration: Migration = {
  version: 50,
  name: 'create-print-queue',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        job_id           TEXT PRIMARY KEY,
        request_id       TEXT NOT NULL,
        intake_id        TEXT NOT NULL REFERENCES intakes(intake_id),
        document         TEXT NOT NULL CHECK (document IN ('relabel','return-slip')),
        reason           TEXT NOT NULL CHECK (reason IN ('auto','manual','reprint')),
        copy_no          INTEGER NOT NULL CHECK (copy_no >= 1),
        subject          TEXT NOT NULL,
        model_json       TEXT NOT NULL,
        target_json      TEXT,
        target_key       TEXT,
        format           TEXT CHECK (format IN ('zpl','pdf','html')),
        payload          BLOB,
        state            TEXT NOT NULL CHECK (state IN ('queued','sending','handoff','done','failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER,
        last_error_code  TEXT,
        last_error       TEXT,
        spooler_job      TEXT,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        done_at          INTEGER,
        UNIQUE (request_id, document)
      ) STRICT;
      CREATE INDEX print_jobs_by_state ON print_jobs(state, next_attempt_at);
      CREATE INDEX print_jobs_by_intake ON print_jobs(intake_id, document, copy_no);
      CREATE INDEX print_jobs_by_updated ON print_jobs(updated_at);

      CREATE TABLE print_settings (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        settings_json  TEXT NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
export default migration;
