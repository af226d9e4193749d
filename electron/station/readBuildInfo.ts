/**
 * The build stamp (out/build-info.json, written by `npm run build`) read back at start for station.info and the
 * About box. No file means the station runs from sources that were never built: that is answered as null, which
 * the About box shows as "not a packaged build". A file that does not parse is a broken build and stops the start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_INFO_FILE, BuildInfoSchema, type BuildInfo } from '../../shared/contract/buildInfo.ts';

export function readBuildInfo(appRoot: string): BuildInfo | null {
  let text: string;
  try {
    text = readFileSync(path.join(appRoot, BUILD_INFO_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return BuildInfoSchema.parse(JSON.parse(text));
}
