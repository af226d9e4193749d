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
import m0080 from './0080-parcel-lookup-indexes.ts';
import m0090 from './0090-create-operators.ts';
import m0100 from './0100-hot-query-indexes.ts';
import m0110 from './0110-print-job-epl-format.ts';
import m0120 from './0120-dead-letter-resolutions.ts';
import m0130 from './0130-create-damage-photos.ts';
import m0140 from './0140-events-without-intake.ts';

export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090, m0100, m0110, m0120, m0130, m0140];
