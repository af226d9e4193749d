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
    ['hq/ importing the station', 'hq-imports-station.ts', 'hq/bad.ts', 'no-restricted-imports'],
  ])('fails on %s', async (_what, file, filePath, rule) => {
    expect(await ruleIds(fixture(file), filePath)).toContain(rule);
  });

  it('lets electron/main import electron and shared/ import zod', async () => {
    expect(await ruleIds(fixture('imports-electron.ts'), 'electron/main/ok.ts')).toEqual([]);
    expect(await ruleIds(fixture('shared-clean.ts'), 'shared/units/ok.ts')).toEqual([]);
  });
});
