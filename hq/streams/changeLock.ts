/**
 * Every writer of pullable reference data takes this transaction-scoped lock BEFORE drawing version numbers from the
 * change_version sequence. Writers therefore commit in version order, and a reader that sees version v committed has
 * also seen every version below it: "rows with version > cursor" never skips a row that commits late.
 * (Readers take no lock; admin imports are rare, so serialising writers costs nothing that matters.)
 */
import type { HqSql } from '../db/hqDb.ts';

const CHANGE_LOCK_KEY = 7_070_002;

export async function takeChangeLock(tx: HqSql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK_KEY]);
}
