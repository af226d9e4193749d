/**
 * The station's UpdateSource implemented with electron-updater, kept thin: it points the updater at HQ's feed
 * (generic provider, `<HQ URL>/v1/updates`, with the station's token on every request, feed files and downloads
 * alike), downloads in the background, never installs by itself (not on quit either: installing waits for a
 * lead, updateController.ts), follows HQ when it serves an older version (a rollback) and turns the updater's events
 * into the policy's events (shared/update/updatePolicy.ts).
 *
 * Typed against the small part of electron-updater's AppUpdater it uses, so it is tested with a stand-in
 * (test/unit/update/electronUpdaterAdapter.test.ts); modules/stationUpdates.ts binds it to the real autoUpdater.
 */
import type { UpdateEvent } from '../../../shared/update/updatePolicy.ts';
import { UPDATE_FEED_PATH } from '../../../shared/update/updateFeed.ts';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  requestHeaders: Record<string, string | string[] | number | undefined> | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
}

export interface UpdateSource {
  /** Asks HQ's feed; the outcome arrives as events. A check that cannot start rejects. */
  check(): Promise<void>;
  /** Quits the app and installs the downloaded update, then starts the new version. */
  install(): void;
  onEvent(listener: (event: UpdateEvent) => void): void;
}

export interface UpdateFeed {
  /** The station's HQ address, e.g. https://hq.example:8787 */
  readonly hqUrl: string;
  readonly token: string;
}

export function updateFeedUrl(hqUrl: string): string {
  return `${hqUrl.replace(/\/+$/, '')}${UPDATE_FEED_PATH}`;
}

/** What the updater's errors mean for the people at the station (the details go to the log). */
function plainProblem(error: Error): string {
  const text = `${(error as { code?: unknown }).code ?? ''} ${error.message}`;
  if (/401|403|UNAUTHORIZED|FORBIDDEN/i.test(text)) return 'HQ refused this station’s update request: ask IT to check the station token.';
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EAI_AGAIN|net::/i.test(text)) return 'HQ could not be reached for updates; the station tries again later.';
  if (/sha512|checksum|signature/i.test(text)) return 'A downloaded update did not pass its check and was thrown away; the station tries again later.';
  return 'Checking for updates failed; the station tries again later. IT can find the details in the log.';
}

export function createElectronUpdateSource(updater: UpdaterLike, feed: UpdateFeed, onError: (error: Error) => void = () => {}): UpdateSource {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = true;
  // HQ serves whole files (no HTTP ranges): download the full artifact, never a blockmap difference.
  updater.disableDifferentialDownload = true;
  updater.requestHeaders = { Authorization: `Bearer ${feed.token}` };
  updater.setFeedURL({ provider: 'generic', url: updateFeedUrl(feed.hqUrl), channel: 'latest' });
  const listeners: Array<(event: UpdateEvent) => void> = [];
  const emit = (event: UpdateEvent) => listeners.forEach((l) => l(event));
  updater.on('update-not-available', () => emit({ type: 'no-update' }));
  updater.on('update-available', (info) => emit({ type: 'update-available', version: info.version }));
  updater.on('download-progress', (info) => emit({ type: 'download-progress', percent: info.percent }));
  updater.on('update-downloaded', (info) => emit({ type: 'downloaded', version: info.version }));
  updater.on('error', (error) => {
    onError(error);
    emit({ type: 'failed', problem: plainProblem(error) });
  });
  return {
    async check() {
      await updater.checkForUpdates();
    },
    install() {
      updater.quitAndInstall(false, true);
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
