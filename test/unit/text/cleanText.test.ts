/**
 * The shared text normaliser (shared/text/cleanText.ts, checkJsonText.ts): which characters are refused, that
 * stripping leaves only clean text and changes clean text not at all, over every code point class.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeTextProblem, findTextProblem, stripUnsafeText, TEXT_PROBLEMS } from '../../../shared/text/cleanText.ts';
import { checkJsonText, MAX_JSON_DEPTH } from '../../../shared/text/checkJsonText.ts';
import { hostileText } from '../../support/hostileText.ts';

describe('findTextProblem', () => {
  it.each([
    ['\u0000abc', 'control'],
    ['a\u0007', 'control'],
    ['x\u0085', 'control'],
    ['\ud83d', 'surrogate'],
    ['a\ude00b', 'surrogate'],
    ['Dana\u202e', 'bidi'],
    ['\u2067x', 'bidi'],
    ['Da\u200bna', 'invisible'],
    ['\ufeffDana', 'invisible'],
  ])('flags %j as %s', (text, problem) => {
    expect(findTextProblem(text)?.problem).toBe(problem);
  });

  it('accepts ordinary text in any script, emoji pairs included', () => {
    for (const text of ['Dana Smith', 'José Núñez', '王小明', 'محمد', 'Zoë 😀', 'O\'Brien-Lee']) expect(findTextProblem(text)).toBeNull();
  });

  it('keeps GS / RS only for scans, and line breaks only for notes', () => {
    expect(findTextProblem('01\u001d21')?.problem).toBe('control');
    expect(findTextProblem('01\u001d21\u001e', { keepScanSeparators: true })).toBeNull();
    expect(findTextProblem('line 1\nline 2')?.problem).toBe('control');
    expect(findTextProblem('line 1\r\n\tline 2', { keepLineBreaks: true })).toBeNull();
  });

  it('has a plain message for every problem, naming no code point or schema', () => {
    for (const problem of TEXT_PROBLEMS) expect(describeTextProblem({ problem })).toMatch(/^This text holds .* Type it again by hand/);
  });
});

describe('stripUnsafeText', () => {
  it('leaves nothing findTextProblem would refuse, and clean text unchanged (any code points)', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, scan) => {
        const policy = { keepScanSeparators: scan };
        const stripped = stripUnsafeText(text, policy);
        expect(findTextProblem(stripped, policy)).toBeNull();
        expect(stripUnsafeText(stripped, policy)).toBe(stripped);
        if (findTextProblem(text, policy) === null) expect(stripped).toBe(text);
        else expect(stripped.length).toBeLessThan(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('strips a scanner\'s leading NUL and keeps the GS1 separators', () => {
    expect(stripUnsafeText('\u0000]C1010123\u001d21AB', { keepScanSeparators: true })).toBe(']C1010123\u001d21AB');
  });
});

describe('checkJsonText', () => {
  it('finds bad text in values and keys at any depth, with a path', () => {
    expect(checkJsonText({ a: [1, { b: 'x\u0000' }] })).toMatchObject({ kind: 'text', path: '.a[1].b', found: { problem: 'control' } });
    expect(checkJsonText({ ['k\ud800']: 1 })).toMatchObject({ kind: 'text', found: { problem: 'surrogate' } });
    expect(checkJsonText({ scan: '01\u001d21', note: 'two\nlines' })).toBeNull();
  });

  it('refuses nesting beyond the limit without overflowing the stack, even 100 000 levels deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkJsonText(deep)).toMatchObject({ kind: 'depth', maxDepth: MAX_JSON_DEPTH });
    let ok: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = { ok };
    expect(checkJsonText(ok)).toBeNull();
    expect(checkJsonText({ ok })).toMatchObject({ kind: 'depth' });
  });
});
