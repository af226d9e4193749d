import type { Migration } from './migration.ts';

/**
 * Printing: voiding, marks and print bodies (issues 11.6, 14.5, 14.8).
 *   basis        a hash of the intake facts the document was made from (verdict, weight, size, damage, waybill):
 *                when the intake's basis changes, its earlier documents are void
 *   voided_at    set when the document no longer matches the parcel (a correction, a release, a return, a cancel);
 *                a voided job that was not printed yet is never sent
 *   void_reason  in words, for the queue and the card
 *   mark         printed on the label: REPRINT (a job sent again after the station died mid-send: it may have
 *                printed once already) or VOID (the slip that voids an earlier label)
 *   voids_job_id the job a VOID slip voids
 *   body_sha256  after printing, the rendered bytes are dropped and only their hash is kept
 */
const migration: Migration = {
  version: 60,
  name: 'print-job-void-and-marks',
  up(db) {
    db.exec(`
      ALTER TABLE print_jobs ADD COLUMN basis TEXT;
      ALTER TABLE print_jobs ADD COLUMN voided_at INTEGER;
      ALTER TABLE print_jobs ADD COLUMN void_reason TEXT;
      ALTER TABLE print_jobs ADD COLUMN mark TEXT CHECK (mark IN ('REPRINT','VOID'));
      ALTER TABLE print_jobs ADD COLUMN voids_job_id TEXT;
      ALTER TABLE print_jobs ADD COLUMN body_sha256 TEXT;
    `);
  },
};
export default migration;
