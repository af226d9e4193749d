/**
 * The station's start-up flags (electron/station/stationConfig.ts): values keep every `=`, flags win over the
 * environment, runtime switches (Chromium, Electron, Node) pass through, a mistyped station flag is refused plainly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStationConfig } from '../../../electron/station/stationConfig.ts';

const DEFAULT_DIR = '/tmp/ecms-default';
const parse = (argv: string[], env: Record<string, string> = {}) => parseStationConfig(argv, env, DEFAULT_DIR);
const refusal = (argv: string[]): string => {
  try {
    parse(argv);
  } catch (err) {
    expect(err).toMatchObject({ name: 'StationError', code: 'INVALID_REQUEST' });
    return (err as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('station flags', () => {
  it('keeps the text after a second "=" in a value', () => {
    expect(parse(['--hq-url=http://x/?a=b']).hqUrl).toBe('http://x/?a=b');
    expect(parse(['--hq-url', 'http://hq.example/sync?x=1&y=2']).hqUrl).toBe('http://hq.example/sync?x=1&y=2');
    expect(parse(['--operator=a=b=c']).settings.operator).toBe('a=b=c');
  });

  it('reads every flag in both spellings, and flags win over the environment', () => {
    const argv = ['--data-dir', '/d', '--station-id=LAX-DOCK-3', '--warehouse', 'LAX', '--scale=simulated', '--port', '8080', '--no-demo'];
    const config = parse(argv, { ECMS_WAREHOUSE: 'CHI', ECMS_DATA_DIR: '/env', ECMS_OPERATOR: 'Dana' });
    expect(config).toMatchObject({ dataDir: '/d', settings: { stationId: 'LAX-DOCK-3', warehouse: 'LAX', operator: 'Dana' }, scale: 'simulated', port: 8080, demo: false });
    expect(parse([], {}).dataDir).toBe(DEFAULT_DIR);
    expect(parse(['--demo'], { ECMS_DEMO: '0' }).demo).toBe(true);
  });

  it('leaves Chromium, Electron and Node switches to the runtime', () => {
    const config = parse(['--no-sandbox', '--enable-logging', '--remote-debugging-port=9222', '--ozone-platform', 'wayland', '--inspect', '--warehouse', 'CHI', '--disable-gpu']);
    expect(config.settings.warehouse).toBe('CHI');
    expect(config.port).toBe(0);
  });

  it('refuses a mistyped station flag, naming the option meant, in plain words', () => {
    expect(refusal(['--hq-ulr', 'http://x/'])).toMatch(/^--hq-ulr is not a station option\. Did you mean --hq-url\?/);
    expect(refusal(['--warehose=LAX'])).toMatch(/Did you mean --warehouse\?/);
    expect(refusal(['--stationid', 'LAX-1'])).toMatch(/Did you mean --station-id\?/);
    expect(refusal(['--Port', '80'])).toMatch(/Did you mean --port\?/);
    expect(refusal(['--nodemo'])).toMatch(/Did you mean --no-demo\?/);
  });

  it('refuses a flag without its value, a value on --demo, and stray words', () => {
    expect(refusal(['--hq-url'])).toMatch(/^--hq-url needs a value/);
    expect(refusal(['--warehouse', '--demo'])).toMatch(/^--warehouse needs a value/);
    expect(refusal(['--demo=yes'])).toMatch(/^--demo takes no value/);
    expect(refusal(['LAX'])).toMatch(/does not understand "LAX"/);
    expect(refusal(['--hq-url=not a url'])).toMatch(/hqUrl/);
  });

  it('keeps any value given with "=" exactly, whatever clean text it holds (names are trimmed, shared/contract/safeText.ts)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\0') && s.trim() === s && s !== ''), (operator) => {
        expect(parse([`--operator=${operator}`]).settings.operator).toBe(operator);
      }),
    );
  });
});
