import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HOST_IDENTITY_FILE, readHostIdentity, tokenFor, writeHostIdentity } from '../../../electron/host/hostIdentity.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const TOKEN = 'a'.repeat(43);

describe('the remembered browser-mode port and token', () => {
  it('round-trips through an owner-only file, replaced atomically with no temporary file left', () => {
    const temp = makeTempDir('identity');
    try {
      expect(readHostIdentity(temp.dir)).toEqual({ kind: 'none' });
      writeHostIdentity(temp.dir, { port: 41_000, token: TOKEN });
      writeHostIdentity(temp.dir, { port: 41_001, token: TOKEN });
      expect(readHostIdentity(temp.dir)).toEqual({ kind: 'found', identity: { port: 41_001, token: TOKEN } });
      expect(statSync(path.join(temp.dir, HOST_IDENTITY_FILE)).mode & 0o777).toBe(0o600);
      expect(readdirSync(temp.dir)).toEqual([HOST_IDENTITY_FILE]);
    } finally {
      temp.cleanup();
    }
  });

  it('says why a file is not usable, and a new token is made for it; a remembered token is kept', () => {
    const temp = makeTempDir('identity');
    try {
      const file = path.join(temp.dir, HOST_IDENTITY_FILE);
      writeFileSync(file, '{"port": 1');
      expect(readHostIdentity(temp.dir)).toEqual({ kind: 'unreadable', reason: 'not JSON' });
      writeFileSync(file, JSON.stringify({ port: 0, token: 'short' }));
      const bad = readHostIdentity(temp.dir);
      expect(bad).toEqual({ kind: 'unreadable', reason: 'not a port and token' });
      expect(tokenFor(bad)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(tokenFor(bad)).not.toBe(tokenFor(bad));
      expect(tokenFor({ kind: 'found', identity: { port: 5000, token: TOKEN } })).toBe(TOKEN);
      expect(() => writeHostIdentity(temp.dir, { port: 70_000, token: TOKEN })).toThrow();
      expect(readFileSync(file, 'utf8')).toContain('short');
    } finally {
      temp.cleanup();
    }
  });
});
