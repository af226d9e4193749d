/**
 * Finds the file a station asks for in the release HQ gives that station (feedConfig.ts, rolloutBucket.ts). Names
 * are plain file names (no folders, no leading dot); anything else, or a file the release does not have, is
 * NOT_FOUND. A missing or broken feed.json is UNAVAILABLE, with what to fix.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { HqError } from '../hqError.ts';
import { FEED_CONFIG_FILE, FeedConfigSchema, RELEASES_DIR, type FeedConfig } from './feedConfig.ts';
import { releaseFor } from './rolloutBucket.ts';
import { UPDATE_FILE_NAME_PATTERN } from '../../shared/update/updateFeed.ts';

export async function readFeedConfig(updatesDir: string): Promise<FeedConfig> {
  const file = path.join(updatesDir, FEED_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new HqError('UNAVAILABLE', `No updates are published: ${file} is missing`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HqError('UNAVAILABLE', `${file} is not valid JSON; fix it to publish updates`);
  }
  const parsed = FeedConfigSchema.safeParse(json);
  if (!parsed.success) throw new HqError('UNAVAILABLE', `${file} is not a valid feed: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

export interface FeedFile {
  readonly path: string;
  readonly size: number;
  readonly release: string;
}

export async function findFeedFile(updatesDir: string, stationId: string, fileName: string): Promise<FeedFile> {
  if (!UPDATE_FILE_NAME_PATTERN.test(fileName) || fileName.includes('..')) throw new HqError('NOT_FOUND', 'No such update file');
  const release = releaseFor(await readFeedConfig(updatesDir), stationId);
  const file = path.join(updatesDir, RELEASES_DIR, release, fileName);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    return { path: file, size: info.size, release };
  } catch {
    throw new HqError('NOT_FOUND', `Release ${release} has no file ${fileName}`);
  }
}
