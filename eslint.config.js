// Lint rules, including the layering rules that keep each folder on its runtime:
//   shared/    pure domain logic and the station contract: no Node, no DOM, no Electron, no drivers;
//   renderer/  React UI: reaches the station only through shared/ (the contract), never Node or Electron;
//   electron/  Node-side station services; only electron/main and electron/preload may import 'electron';
//   hq/        the HQ service: Node, never Electron, the renderer or the station's services.
// test/lint/layering.test.ts proves that each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const drivers = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'ws', 'fastify', 'pg', '@electric-sql/pglite'];

const forbid = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'test/lint/fixtures/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='it'][callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.object.name='test'][callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid([...nodeBuiltins, 'electron', 'react', 'react-dom', ...drivers.filter((d) => !d.includes('*'))],
          'shared/ is pure: no Node, DOM, Electron or driver imports.'),
        patterns: [
          { group: ['@serialport/*', '**/electron/**', '**/renderer/**', '**/hq/**'], message: 'shared/ may not import from electron/, renderer/ or hq/.' },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'shared/ is runtime-neutral.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid([...nodeBuiltins, 'electron', ...drivers.filter((d) => !d.includes('*'))],
          'renderer/ reaches the station only through the contract in shared/.'),
        patterns: [
          { group: ['@serialport/*', '**/electron/**', '**/hq/**'], message: 'renderer/ reaches the station only through the contract in shared/.' },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'renderer/ runs in a sandboxed page.' }))],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid(['electron'], "Only electron/main and electron/preload may import 'electron'; station services run in plain Node too."),
        patterns: [{ group: ['**/renderer/**', '**/hq/**'], message: 'electron/ services may not import renderer/ or hq/.' }],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid(nodeBuiltins, 'The sandboxed preload may import only electron and shared/.'),
        patterns: [{ group: ['**/renderer/**', '**/hq/**', '../station/**', '../db/**', '../devices/**'], message: 'The preload may import only electron and shared/.' }],
      }],
    },
  },
  {
    files: ['hq/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid(['electron', 'react', 'react-dom', 'better-sqlite3', 'serialport', 'node-hid'], 'hq/ is a server: no Electron, UI or station drivers.'),
        patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'hq/ shares code with the station only through shared/.' }],
      }],
    },
  },
);
