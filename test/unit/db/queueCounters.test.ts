/**
 * Issue 17, item 2: the outbox counts the sync badge shows (and the print queue's counts) are kept by triggers in
 * the same transaction as each change, not counted over the whole table. Any sequence of the station's outbox
 * changes (new events, acknowledgements with rejections, a requeue after HQ lost events, a reseed) and of print-job
 * changes (state moves, voids) leaves the kept counts equal to a full count, including after a rollback.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/db/migrate.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { insertEventWithOutbox } from '../../../electron/db/queries/events.ts';
import { applyAck, queueCounts, requeueFrom } from '../../../electron/db/queries/outbox.ts';
import { resumeAfterHqSeq } from '../../../electron/db/queries/reseed.ts';
import { jobCounts } from '../../../electron/db/queries/printJobs.ts';

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  db.prepare(
    `INSERT INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, tracking, operator, created_at, updated_at)
     VALUES ('i1', 'S', 'scanned', 'x', 'x', 'x', 'op', 0, 0)`,
  ).run();
  return db;
}

const fullCount = (db: Database.Database) =>
  db.prepare("SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') AS pending, (SELECT count(*) FROM outbox WHERE state = 'dead') AS dead").get();

const outboxOp = fc.oneof(
  fc.record({ op: fc.constant('add' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('ack' as const), upTo: fc.integer({ min: 0, max: 40 }), reject: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }) }),
  fc.record({ op: fc.constant('requeue' as const), from: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('reseed' as const), hq: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ op: fc.constant('rolledBack' as const), n: fc.integer({ min: 1, max: 3 }) }),
);

describe('outbox counts kept by triggers', () => {
  it('equal a full count after any sequence of outbox changes', () => {
    fc.assert(
      fc.property(fc.array(outboxOp, { maxLength: 30 }), (ops) => {
        const db = freshDb();
        let n = 0;
        const add = () => insertEventWithOutbox(db, { eventId: `e${++n}`, commandId: `c${n}`, intakeId: 'i1', type: 'T', payloadJson: '{}', capturedAt: n });
        for (const o of ops) {
          if (o.op === 'add') db.transaction(() => { for (let i = 0; i < o.n; i++) add(); })();
          else if (o.op === 'ack') applyAck(db, { firstSeq: 1, lastSeq: o.upTo, ackSeq: o.upTo, rejected: o.reject.map((seq) => ({ seq, code: 'INVALID_PAYLOAD', message: 'bad' })), now: 1 });
          else if (o.op === 'requeue') requeueFrom(db, o.from);
          else if (o.op === 'reseed') resumeAfterHqSeq(db, o.hq, 1);
          else {
            expect(() => db.transaction(() => { for (let i = 0; i < o.n; i++) add(); throw new Error('disk full'); })()).toThrow('disk full');
            n -= o.n; // the rolled-back events' ids are free again
          }
          expect(queueCounts(db)).toEqual(fullCount(db));
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});

describe('print job counts kept by triggers', () => {
  const STATES = ['queued', 'sending', 'handoff', 'done', 'failed'] as const;
  const jobOp = fc.oneof(
    fc.record({ op: fc.constant('add' as const), state: fc.constantFrom('queued' as const, 'failed' as const) }),
    fc.record({ op: fc.constant('move' as const), job: fc.nat(20), state: fc.constantFrom(...STATES) }),
    fc.record({ op: fc.constant('void' as const), job: fc.nat(20) }),
    fc.record({ op: fc.constant('delete' as const), job: fc.nat(20) }),
  );
  it('equal a full count of jobs not voided, per state, after any sequence of job changes', () => {
    fc.assert(
      fc.property(fc.array(jobOp, { maxLength: 30 }), (ops) => {
        const db = freshDb();
        let n = 0;
        for (const o of ops) {
          if (o.op === 'add') {
            n++;
            db.prepare(
              `INSERT INTO print_jobs (job_id, request_id, intake_id, document, reason, copy_no, subject, model_json, state, created_at, updated_at)
               VALUES (?, ?, 'i1', 'relabel', 'auto', 1, 's', '{}', ?, 0, 0)`,
            ).run(`j${n}`, `r${n}`, o.state);
          } else if (o.op === 'move') db.prepare('UPDATE print_jobs SET state = ? WHERE job_id = ?').run(o.state, `j${o.job}`);
          else if (o.op === 'void') db.prepare('UPDATE print_jobs SET voided_at = 1 WHERE job_id = ? AND voided_at IS NULL').run(`j${o.job}`);
          else db.prepare('DELETE FROM print_jobs WHERE job_id = ?').run(`j${o.job}`);
          const full = Object.fromEntries(STATES.map((s) => [s, (db.prepare('SELECT count(*) AS c FROM print_jobs WHERE state = ? AND voided_at IS NULL').get(s) as { c: number }).c]));
          expect(jobCounts(db)).toEqual(full);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
