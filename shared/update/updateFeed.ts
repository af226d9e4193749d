import { z } from 'zod';

/** Where HQ serves electron-updater's generic-provider feed: `<HQ URL>/v1/updates/<file>` (hq/updates/). */
export const UPDATE_FEED_PATH = '/v1/updates';
/** The feed files electron-updater asks for: latest.yml (Windows), latest-linux.yml (Linux). */
export const FEED_FILE_PATTERN = /^latest(-[a-z0-9]+)?\.yml$/;
/** A file name HQ will look up in a release folder: no path separators, no leading dot. */
export const UPDATE_FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ +-]{0,200}$/;
export const UpdateFileNameSchema = z.string().regex(UPDATE_FILE_NAME_PATTERN);
