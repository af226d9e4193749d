/**
 * The layering rules in eslint.config.js, proven to fire: each fixture breaks one rule from a file path in the
 * folder the rule guards, and a clean fixture passes.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['shared/ importing node:fs', 'shared-imports-node.ts', 'shared/units/bad.ts', 'no-restricted-imports'],
    ['shared/ importing a driver', 'shared-imports-driver.ts', 'shared/rules/bad.ts', 'no-restricted-imports'],
    ['shared/ using window', 'shared-uses-window.ts', 'shared/contract/bad.ts', 'no-restricted-globals'],
    ['renderer/ importing a station service', 'renderer-imports-station.ts', 'renderer/intake/bad.ts', 'no-restricted-imports'],
    ['renderer/ importing electron', 'imports-electron.ts', 'renderer/bad.ts', 'no-restricted-imports'],
    ['a station service importing electron', 'imports-electron.ts', 'electron/station/bad.ts', 'no-restricted-imports'],
    ['a station service importing electron (sync)', 'imports-electron.ts', 'electron/sync/bad.ts', 'no-restricted-imports'],
    ['electron/main importing the renderer', 'main-imports-renderer.ts', 'electron/main/bad.ts', 'no-restricted-imports'],
    ['electron/main/modules importing hq/', 'main-imports-hq.ts', 'electron/main/modules/bad.ts', 'no-restricted-imports'],
    ['the preload importing electron/sync', 'preload-imports-sync.ts', 'electron/preload/bad.ts', 'no-restricted-imports'],
    ['the preload importing electron/db', 'preload-imports-db.ts', 'electron/preload/bad.ts', 'no-restricted-imports'],
    ['the preload importing an electron/ folder added later', 'preload-imports-new-folder.ts', 'electron/preload/bad.ts', 'no-restricted-imports'],
    ['the preload importing the renderer', 'renderer-imports-station.ts', 'electron/preload/bad.ts', 'no-restricted-imports'],
    ['renderer/ importing a shared module that is not on its list', 'renderer-imports-shared-internal.ts', 'renderer/intake/bad.ts', 'no-restricted-imports'],
    ['renderer/ importing shared/barcode', 'renderer-imports-shared-barcode.ts', 'renderer/scan/bad.tsx', 'no-restricted-imports'],
    ['hq/ importing the station', 'hq-imports-station.ts', 'hq/bad.ts', 'no-restricted-imports'],
    ['hq/ importing the renderer', 'hq-imports-renderer.ts', 'hq/bad.ts', 'no-restricted-imports'],
    ['hq/ importing electron', 'imports-electron.ts', 'hq/cli/bad.ts', 'no-restricted-imports'],
  ])('fails on %s', async (_what, file, filePath, rule) => {
    expect(await ruleIds(fixture(file), filePath)).toContain(rule);
  });

  it('keeps SQL in electron/db/: .prepare/.exec/.pragma fail elsewhere in electron/, a query module call and a regex .exec pass', async () => {
    const sqlOutsideDb = await ruleIds(fixture('electron-runs-sql.ts'), 'electron/holds/bad.ts');
    expect(sqlOutsideDb.filter((id) => id === 'no-restricted-syntax')).toHaveLength(3);
    expect(await ruleIds(fixture('electron-runs-sql.ts'), 'electron/cli/commands/bad.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(fixture('electron-runs-sql.ts'), 'electron/db/queries/ok.ts')).toEqual([]);
    expect(await ruleIds(fixture('electron-uses-query-module.ts'), 'electron/station/ok.ts')).toEqual([]);
    expect(await ruleIds("it.only('x', () => {});\n", 'electron/station/focused.ts')).toContain('no-restricted-syntax');
  });

  it.each([
    ['electron/main importing electron', 'imports-electron.ts', 'electron/main/ok.ts'],
    ['shared/ importing zod', 'shared-clean.ts', 'shared/units/ok.ts'],
    ['the preload importing electron and shared/contract', 'preload-clean.ts', 'electron/preload/ok.ts'],
    ['renderer/ importing the contract, limits, the intake machine, money, units and the wedge detector', 'renderer-clean.ts', 'renderer/intake/ok.tsx'],
    ['hq/ importing zod and shared/sync', 'hq-clean.ts', 'hq/ok.ts'],
  ])('passes %s', async (_what, file, filePath) => {
    expect(await ruleIds(fixture(file), filePath)).toEqual([]);
  });
});
