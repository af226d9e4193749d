/**
 * The support commands' argument reader (electron/cli/commandLine.ts, node:util parseArgs): values keep every `=`,
 * and each kind of mistake gets its own plain sentence.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCommandLine } from '../../../electron/cli/commandLine.ts';

const OPTIONS = { out: { type: 'string' }, dpi: { type: 'string' }, status: { type: 'boolean' }, seed: { type: 'string', multiple: true } } as const;
const read = (args: string[], maxPositionals = 1) => readCommandLine(args, OPTIONS, { maxPositionals });

describe('readCommandLine', () => {
  it('reads values, booleans, repeated options and positionals, keeping text after a second "="', () => {
    expect(read(['zebra', '--out=a=b.pdf', '--status', '--dpi', '300', '--seed', 'x', '--seed=y'])).toEqual({
      ok: true,
      values: { out: 'a=b.pdf', status: true, dpi: '300', seed: ['x', 'y'] },
      positionals: ['zebra'],
    });
  });

  it.each([
    [['--otu', 'x'], 'unknown option --otu'],
    [['-o', 'x'], 'unknown option -o'],
    [['--out'], '--out needs a value'],
    [['--out', '--dpi', '300'], '--out needs a value'],
    [['--status=yes'], '--status takes no value'],
    [['--out', 'a', '--out=b'], '--out given twice'],
    [['p', 'q'], 'unexpected argument "q"'],
  ])('refuses %j: %s', (args, message) => {
    expect(read(args)).toEqual({ ok: false, message });
  });

  it('accepts exactly what parseArgs in strict mode accepts, for any mix of known and unknown flags', () => {
    const word = fc.constantFrom('--out', '--dpi', '--status', '--seed', '--nope', 'x', 'a=b', '--out=v=w', '--status=1', '-z');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        const result = read(args, 10);
        const duplicate = ['out', 'dpi', 'status'].some((name) => args.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length > 1);
        if (result.ok) {
          expect(duplicate).toBe(false);
          expect(args.some((a) => a === '--nope' || a === '-z' || a === '--status=1')).toBe(false);
        } else {
          expect(result.message).not.toMatch(/ERR_PARSE_ARGS|could not be read/);
        }
      }),
    );
  });
});
