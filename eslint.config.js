// Lint rules, including the layering rules that keep each folder on its runtime:
//   shared/    pure domain logic and the station contract: no Node, no DOM, no Electron, no drivers;
//   renderer/  React UI: imports only shared/contract and the pure shared modules in rendererSharedModules;
//   electron/  Node-side station services; only electron/main and electron/preload may import 'electron';
//              electron/main never imports renderer/ or hq/; the preload imports only electron and shared/;
//   hq/        the HQ service: Node, never Electron, the renderer or the station's services.
// test/lint/layering.test.ts proves that each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const drivers = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'ws', 'fastify', 'pg', '@electric-sql/pglite'];

const forbid = (names, message) => names.map((name) => ({ name, message }));

// The only shared/ modules the renderer may import (README "Rules of the layout"): the station contract and the pure
// display helpers the screen needs. A folder ends in '/', a single module in '.ts'.
const rendererSharedModules = [
  'contract/', 'units/', 'intake/intakeMachine.ts', 'intake/intakeStates.ts', 'intake/benchFlow.ts', 'rules/money.ts', 'rules/verdict.ts',
  'rules/holdAging.ts', 'manifest/destinations.ts', 'printing/documentKinds.ts', 'printing/printErrors.ts',
  'printing/printJob.ts', 'printing/printerSettings.ts', 'scale/reading.ts', 'scale/scaleIndication.ts', 'scale/weightAgreement.ts',
  'scan/wedgeDetector.ts', 'sync/syncStatus.ts', 'summary/summaryCsv.ts', 'printing/slipDate.ts', 'rules/stationTime.ts',
];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rendererSharedRegex = `(^|/)shared/(?!(?:${rendererSharedModules.map((m) => escapeRegex(m) + (m.endsWith('/') ? '' : '$')).join('|')}))`;

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
          { regex: rendererSharedRegex, message: 'renderer/ may import only shared/contract and the pure shared modules listed in eslint.config.js (README "Rules of the layout").' },
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
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/hq/**'], message: 'electron/main may not import renderer/ or hq/: the window loads the renderer, HQ is a separate service.' }],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbid(nodeBuiltins, 'The sandboxed preload may import only electron and shared/.'),
        // Any relative import that leaves electron/preload/ except into shared/ (../../shared/…): every other
        // electron/ folder, renderer/, hq/, and whatever folder is added later.
        patterns: [
          { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'The preload may import only electron and shared/.' },
          { group: ['**/renderer/**', '**/hq/**', '**/electron/**'], message: 'The preload may import only electron and shared/.' },
        ],
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
  {
    // The home for SQL: statements are prepared and run only in electron/db/** (migrations and the query modules in
    // electron/db/queries/); every other station file calls a query module. A files-block's no-restricted-syntax
    // replaces the global one, so the focused-test selectors are repeated here. A regex literal's .exec is allowed.
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='it'][callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.object.name='test'][callee.property.name='only']", message: 'No focused tests.' },
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|exec|pragma)$/]:not([callee.object.regex])",
          message: 'SQL lives in electron/db/queries/: add or use a query module there instead of calling .prepare/.exec/.pragma here.',
        },
      ],
    },
  },
);
