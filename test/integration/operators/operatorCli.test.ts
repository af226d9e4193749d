/**
 * The station tool's operator commands as a person runs them (`npm run cli -- …`, a real process): the first lead of
 * a new station and a PIN reset, with the PIN on standard input; the station then signs that person in.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createStation } from '../../../electron/station/createStation.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function cli(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['electron/cli/main.ts', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('operator-cli');
});
afterEach(() => temp.cleanup());

describe('npm run cli -- operator-add / operator-pin-reset', () => {
  it('adds the first lead of a new station, resets the PIN, and the station signs the lead in with the new PIN only', async () => {
    const added = await cli(['operator-add', '--data-dir', temp.dir, '--id', '9001', '--name', 'Lee Park', '--role', 'lead'], '4821\n');
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('Added lead Lee Park (9001)');
    const again = await cli(['operator-add', '--data-dir', temp.dir, '--id', '9001', '--name', 'Other'], '1111\n');
    expect(again).toMatchObject({ code: 1 });
    expect(again.err).toContain('already exists');

    const db = new Database(path.join(temp.dir, 'station.sqlite'), { readonly: true });
    const row = db.prepare('SELECT role, pin_hash FROM operators WHERE operator_id = ?').get('9001') as { role: string; pin_hash: string };
    db.close();
    expect(row.role).toBe('lead');
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).not.toContain('4821');

    const reset = await cli(['operator-pin-reset', '--data-dir', temp.dir, '--id', '9001'], '7315\n');
    expect(reset.code, reset.err).toBe(0);
    expect((await cli(['operator-pin-reset', '--data-dir', temp.dir, '--id', '9002'], '7315\n')).code).toBe(1);

    const station = createStation({ dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => ({ decision: 'ACCEPT', reasons: [], reprice: null }) });
    try {
      await expect(station.session.signIn('9001', '4821')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
      expect((await station.session.signIn('9001', '7315')).session).toMatchObject({ operatorId: '9001', role: 'lead' });
    } finally {
      await station.close();
    }
  });

  it('refuses a PIN that is not 4 to 8 digits and a missing argument, with the usage line (exit 2)', async () => {
    const shortPin = await cli(['operator-add', '--data-dir', temp.dir, '--id', '1001', '--name', 'Dana'], '12\n');
    expect(shortPin.code).toBe(2);
    expect(shortPin.err).toContain('4 to 8 digits');
    const noId = await cli(['operator-add', '--data-dir', temp.dir, '--name', 'Dana'], '1234\n');
    expect(noId.code).toBe(2);
    expect(noId.err).toContain('Usage: npm run cli -- operator-add');
    const badRole = await cli(['operator-add', '--data-dir', temp.dir, '--id', '1001', '--name', 'Dana', '--role', 'boss'], '1234\n');
    expect(badRole.code).toBe(2);
  });
});
