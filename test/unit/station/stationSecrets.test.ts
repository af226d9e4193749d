/**
 * The station's HQ secrets at start-up (electron/station/stationConfig.ts): the token comes from a file or the
 * environment, never the command line (where `ps` shows it to every user); a pinned CA file must be readable PEM.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseStationConfig } from '../../../electron/station/stationConfig.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const temp = makeTempDir('station-secrets');
afterAll(() => temp.cleanup());
const TOKEN = `ecms1_${'a'.repeat(16)}_${'b'.repeat(43)}`;
const parse = (argv: string[], env: Record<string, string> = {}) => parseStationConfig(argv, env, '/tmp/ecms-default');
const refusal = (argv: string[], env: Record<string, string> = {}): string => {
  try {
    parse(argv, env);
  } catch (err) {
    expect(err).toMatchObject({ name: 'StationError', code: 'INVALID_REQUEST' });
    return (err as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('the HQ token', () => {
  it('is refused on the command line, in either spelling, saying what to do instead', () => {
    expect(refusal(['--hq-token', TOKEN])).toMatch(/--hq-token-file FILE, or set ECMS_HQ_TOKEN/);
    expect(refusal([`--hq-token=${TOKEN}`])).toMatch(/can be read by anyone/);
  });

  it('is read from --hq-token-file or ECMS_HQ_TOKEN_FILE (trimmed), or from ECMS_HQ_TOKEN', () => {
    const file = path.join(temp.dir, 'token');
    writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 });
    expect(parse(['--hq-token-file', file]).hqToken).toBe(TOKEN);
    expect(parse([], { ECMS_HQ_TOKEN_FILE: file }).hqToken).toBe(TOKEN);
    expect(parse([], { ECMS_HQ_TOKEN: TOKEN }).hqToken).toBe(TOKEN);
    expect(parse([]).hqToken).toBeUndefined();
  });

  it('names a token file that cannot be read', () => {
    expect(refusal(['--hq-token-file', path.join(temp.dir, 'missing')])).toMatch(/token file .*missing cannot be read \(ENOENT\)/);
  });
});

describe('the pinned HQ CA file', () => {
  it('must be a readable PEM certificate', () => {
    const notPem = path.join(temp.dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(refusal(['--hq-ca-file', notPem])).toMatch(/holds no certificate/);
    expect(refusal(['--hq-ca-file', path.join(temp.dir, 'nope.pem')])).toMatch(/cannot be read/);
    const pem = path.join(temp.dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(parse([], { ECMS_HQ_CA_FILE: pem }).hqCaFile).toBe(pem);
  });
});
