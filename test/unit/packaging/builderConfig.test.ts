/**
 * electron-builder.yml checked against electron-builder's own JSON schema (node_modules/app-builder-lib/scheme.json),
 * and the decisions it must keep: the targets (Linux AppImage + deb, Windows NSIS per machine), no native rebuild,
 * the native modules unpacked, the generic update feed and the fuses. The archive it produces is checked by
 * test/integration/packaging/packagedApp.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { readBuilderConfig, readBuilderSchema } from '../../support/builderConfig.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(readBuilderSchema());
const config = readBuilderConfig();

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema is a real gate: a misspelt key or a wrong type is refused', () => {
    expect(validate({ ...config, asarUnpak: ['**/*.node'] })).toBe(false);
    expect(validate({ ...config, nsis: { perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'off' } })).toBe(false);
  });

  it('builds Linux AppImage and deb, and a per-machine Windows NSIS installer with a choice of options', () => {
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(typeof (config['linux'] as { maintainer?: unknown }).maintainer).toBe('string');
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['nsis']).toMatchObject({ oneClick: false, perMachine: true });
  });

  it('packs into asar, never rebuilds native modules and unpacks each of them', () => {
    expect(config['asar']).toBe(true);
    expect(config['npmRebuild']).toBe(false);
    expect(config['asarUnpack']).toEqual(expect.arrayContaining([
      '**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/@serialport/bindings-cpp/**', 'node_modules/node-hid/**',
    ]));
  });

  it('publishes a generic-provider feed (the one HQ serves)', () => {
    expect(config['publish']).toEqual([expect.objectContaining({ provider: 'generic', channel: 'latest' })]);
  });

  it('sets the fuses: no run-as-node, NODE_OPTIONS or inspector; cookie encryption; asar only, integrity checked', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
