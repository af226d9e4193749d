/**
 * HQ's update directory (`--updates-dir` / HQ_UPDATES_DIR), one folder per release as electron-builder wrote it,
 * and feed.json saying which release the stations get:
 *
 *   <updates dir>/feed.json                  {"release": "0.2.0", "fallback": "0.1.0", "rollout": {"stations": ["LAX-DOCK-3"], "percentage": 10}}
 *   <updates dir>/releases/0.2.0/latest-linux.yml, latest.yml, ECMS Intake-0.2.0.AppImage, ECMS Intake Setup 0.2.0.exe …
 *   <updates dir>/releases/0.1.0/…
 *
 * Without `rollout` every station gets `release`. With it, a station gets `release` when it is listed or falls in
 * the percentage (rolloutBucket.ts), and `fallback` otherwise. Rolling back is setting `release` to the older
 * version (stations follow HQ down: the updater allows downgrades). feed.json is read at each request, so a change
 * takes effect at the stations' next check without restarting HQ.
 */
import { z } from 'zod';

const releaseName = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a version such as 0.2.0');

export const FeedConfigSchema = z.object({
  release: releaseName,
  fallback: releaseName.optional(),
  rollout: z.object({
    stations: z.array(z.string().min(1)).default([]),
    percentage: z.number().int().min(0).max(100).default(0),
  }).strict().optional(),
}).strict().refine((c) => c.rollout === undefined || c.fallback !== undefined, {
  message: 'a staged rollout needs "fallback": the release the other stations keep', path: ['fallback'],
});
export type FeedConfig = z.infer<typeof FeedConfigSchema>;

export const FEED_CONFIG_FILE = 'feed.json';
export const RELEASES_DIR = 'releases';
