/**
 * The installer carries exactly the label font files the station reads (electron/printing/fonts/cjkFonts.ts) and
 * none of the rest of the @fontsource packages (~280 MB of other subsets and formats). Checked with
 * electron-builder's own node_modules filter built from electron-builder.yml, walked the way its copier walks a
 * dependency (a directory the filter refuses is not entered), so no installer has to be built (that needs a
 * network here). The packaged archive itself is checked by test/integration/packaging/.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_KEYS, cjkFontFile } from '../../../electron/printing/fonts/cjkFonts.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

type Filter = (file: string, stat: ReturnType<typeof lstatSync>) => boolean;
interface NodeModuleMatcher {
  createFilter(): Filter;
}
const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (s: string) => string, platformOptions: object, packager: object): NodeModuleMatcher;
};
const { load } = require('js-yaml') as { load(text: string): unknown };

function nodeModulesFilter(): Filter {
  const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: unknown[] };
  const packager = { config: { files: config.files }, debugLogger: { isEnabled: false } };
  return getNodeModuleFileMatcher(root, '/app', (s) => s, {}, packager).createFilter();
}

/** Every file of one dependency the filter lets through, walked from the package's folder. */
function packedFiles(filter: Filter, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = lstatSync(file);
    if (!filter(file, stat)) continue;
    if (stat.isDirectory()) out.push(...packedFiles(filter, file));
    else out.push(file);
  }
  return out;
}

describe('label fonts in the installer', () => {
  it('packs each @fontsource package.json and the 8 WOFF files labels use, nothing else of those packages', () => {
    const filter = nodeModulesFilter();
    const fontsource = path.join(root, 'node_modules/@fontsource');
    const packed = readdirSync(fontsource).flatMap((pkg) => packedFiles(filter, path.join(fontsource, pkg))).sort();
    const used = CJK_FONT_KEYS.map((k) => cjkFontFile(k.script, k.bold));
    const manifests = ['sc', 'tc', 'jp', 'kr'].map((s) => path.join(fontsource, `noto-sans-${s}`, 'package.json'));
    expect(packed).toEqual([...used, ...manifests].sort());
    const megabytes = used.reduce((n, f) => n + lstatSync(f).size, 0) / 1e6;
    expect(megabytes).toBeLessThan(20);
  });

  it('leaves every other dependency as it was', () => {
    const filter = nodeModulesFilter();
    for (const file of ['node_modules/pino/package.json', 'node_modules/@pdf-lib/fontkit/package.json']) {
      expect(filter(path.join(root, file), lstatSync(path.join(root, file))), file).toBe(true);
    }
  });
});
