/**
 * The build stamp `npm run build` writes into out/build-info.json: the version from package.json, the git commit
 * (with `-dirty` when the checkout has uncommitted changes; null where the tree is not a git checkout) and the time.
 * electron/station/readBuildInfo.ts reads it back for station.info and the About box.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_INFO_FILE, BuildInfoSchema, type BuildInfo } from '../../shared/contract/buildInfo.ts';

function gitCommit(root: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const hash = git('rev-parse', '--short=12', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? hash : `${hash}-dirty`;
  } catch {
    return null; // not a git checkout (a source tarball): the stamp says so with null
  }
}

export function makeBuildInfo(root: string, now: Date = new Date()): BuildInfo {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return BuildInfoSchema.parse({ version, commit: process.env['ECMS_BUILD_COMMIT'] ?? gitCommit(root), builtAt: now.toISOString() });
}

export function writeBuildInfo(root: string): BuildInfo {
  const info = makeBuildInfo(root);
  writeFileSync(path.join(root, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
