/**
 * The build stamp: `npm run build` writes out/build-info.json (electron/launch/stampBuildInfo.ts), the station reads
 * it back for station.info (electron/station/readBuildInfo.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeBuildInfo, writeBuildInfo } from '../../../electron/launch/stampBuildInfo.ts';
import { readBuildInfo } from '../../../electron/station/readBuildInfo.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { REPO_ROOT } from '../../support/builderConfig.ts';

const temps: Array<() => void> = [];
function appRoot(version = '1.2.3'): string {
  const t = makeTempDir('build-info');
  temps.push(t.cleanup);
  mkdirSync(path.join(t.dir, 'out'));
  writeFileSync(path.join(t.dir, 'package.json'), JSON.stringify({ version }));
  return t.dir;
}
afterEach(() => temps.splice(0).forEach((c) => c()));

describe('build stamp', () => {
  it('stamps this checkout with the package version, its git commit and the time', () => {
    const now = new Date('2026-12-04T10:00:00.000Z');
    const info = makeBuildInfo(REPO_ROOT, now);
    expect(info.commit).toMatch(/^[0-9a-f]{12}(-dirty)?$/);
    expect(info.builtAt).toBe('2026-12-04T10:00:00.000Z');
  });

  it('says null for the commit outside a git checkout, and the station reads back what was written', () => {
    const root = appRoot('2.0.1');
    const written = writeBuildInfo(root);
    expect(written).toMatchObject({ version: '2.0.1', commit: null });
    expect(readBuildInfo(root)).toEqual(written);
  });

  it('reads null when the app was never built, and refuses a damaged stamp', () => {
    const root = appRoot();
    expect(readBuildInfo(root)).toBeNull();
    writeFileSync(path.join(root, 'out/build-info.json'), JSON.stringify({ version: '1.2.3', commit: 'abc', builtAt: 'soon' }));
    expect(() => readBuildInfo(root)).toThrow();
  });
});
