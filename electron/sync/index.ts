/**
 * The station's sync with HQ — what the station core wires (see README.md here):
 *   const sync = createSyncService({ db, stationId, warehouse, hq: { hqUrl, token } | null, onStatusChanged, … });
 *   sync.subscribe(status => emit('syncProgress', status)); sync.start();
 *   after each committed intake command (or when the network is back): sync.nudge();   quit: await sync.stop();
 */
export { createSyncService, type SyncService, type SyncServiceOptions } from './createSyncService.ts';
export { DEFAULT_SYNC_TUNING, type SyncTuning, type SyncLog } from './syncContext.ts';
export type { StatusChangedCallback, ManifestStatusChange } from './manifestStatusChange.ts';
export type { DeadLetter } from '../db/queries/outbox.ts';
export type { SyncStatusListener } from './statusEmitter.ts';
