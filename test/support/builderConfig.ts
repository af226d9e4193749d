/** electron-builder.yml as data, and electron-builder's own JSON schema for it (shipped in app-builder-lib). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILDER_CONFIG_FILE = path.join(REPO_ROOT, 'electron-builder.yml');

export function readBuilderConfig(): Record<string, unknown> {
  const parsed = load(readFileSync(BUILDER_CONFIG_FILE, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('electron-builder.yml is not a mapping');
  return parsed as Record<string, unknown>;
}

export function readBuilderSchema(): object {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
}
