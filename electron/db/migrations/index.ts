/**
 * Every schema step in order. One file per migration; never edit a shipped one — add a new file and list it here.
 */
import type { Migration } from './migration.ts';
import m0010 from './0010-create-intakes-events-outbox.ts';
import m0020 from './0020-create-reference-data.ts';
import m0030 from './0030-create-hold-shelf.ts';
import m0040 from './0040-create-sync-state.ts';
import m0050 from './0050-create-print-queue.ts';
import m0060 from './0060-print-job-void-and-marks.ts';
import m0070 from './0070-create-station-clock.ts';

export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070];
