/** The classify and validate-id CLI commands: JSON out, exit codes 0 / 1 / 2. */
import { describe, expect, it } from 'vitest';
import classify, { unescapeScanArgument } from '../../../electron/cli/commands/classify.ts';
import validateId from '../../../electron/cli/commands/validate-id.ts';
import { isCliCommand } from '../../../electron/cli/cliCommand.ts';

async function run(command: typeof classify, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli classify', () => {
  it('is a CLI command', () => {
    expect(isCliCommand(classify)).toBe(true);
    expect(classify.name).toBe('classify');
  });

  it('prints the classification as JSON and exits 0 for a valid scan', async () => {
    const r = await run(classify, [']C142078745<GS>9400111206206406260787']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', raw: ']C142078745\u001d9400111206206406260787' });
  });

  it('exits 1 for an invalid scan and 2 for bad usage', async () => {
    const bad = await run(classify, ['1Z879E930346834441']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, reason: 'CHECK_DIGIT_MISMATCH' });
    expect((await run(classify, [])).code).toBe(2);
    expect((await run(classify, ['a', 'b'])).code).toBe(2);
  });

  it('accepts the written forms of GS', () => {
    expect(unescapeScanArgument('a<GS>b\\x1Dc\\u001dd<gs>e')).toBe('a\u001db\u001dc\u001dd\u001de');
  });
});

describe('cli validate-id', () => {
  it('prints {country, valid, kind} and never the number', async () => {
    const r = await run(validateId, ['CN', '11010519491231002X']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ country: 'CN', valid: true, kind: 'cn_resident_id' });
    expect(r.out).not.toContain('11010519491231002X');
  });

  it('accepts a lower-case country, exits 1 when invalid and 2 on bad usage', async () => {
    const r = await run(validateId, ['tw', 'A123456788']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ country: 'TW', valid: false, kind: 'tw_national_id', reason: 'CHECK_DIGIT_MISMATCH' });
    expect((await run(validateId, ['JP', 'X'])).code).toBe(2);
    expect((await run(validateId, ['KR'])).code).toBe(2);
  });
});
