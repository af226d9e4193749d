/**
 * Text hygiene in the contract's schemas (shared/contract/safeText.ts): every transport parses with these, so a NUL,
 * a lone surrogate, a direction override or a zero-width character never reaches the station's records.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { COMMANDS } from '../../../shared/contract/commands.ts';
import { SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';
import { findTextProblem } from '../../../shared/text/cleanText.ts';
import { hostileText } from '../../support/hostileText.ts';

const ids = () => ({ commandId: randomUUID(), intakeId: randomUUID() });
const scan = (raw: string) => COMMANDS['intake.scan'].request.safeParse({ ...ids(), raw, source: 'wedge' });
const issue = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message ?? '';

describe('operator names (settings.update)', () => {
  const update = (operator: string) => COMMANDS['settings.update'].request.safeParse({ operator });

  it('refuse a right-to-left override, a zero-width character, a NUL and a lone surrogate, in plain words', () => {
    for (const operator of ['Dana\u202eevil', 'Da\u200bna', 'Dana\u0000', 'Dana\ud800']) {
      const r = update(operator);
      expect(r.success).toBe(false);
      expect(issue(r)).toMatch(/Type it again by hand/);
    }
    expect(update('José Núñez').success).toBe(true);
  });
});

describe('scans (intake.scan)', () => {
  it('store the scan without a leading NUL or other hidden characters, GS separators kept', () => {
    const r = scan('\u0000]C1011234\u001d21X\u200b');
    expect(r.success && r.data.raw).toBe(']C1011234\u001d21X');
  });

  it(`refuse more than ${SCAN_MAX_LENGTH} characters and a scan with nothing left`, () => {
    expect(scan('A'.repeat(SCAN_MAX_LENGTH)).success).toBe(true);
    expect(issue(scan('A'.repeat(SCAN_MAX_LENGTH + 1)))).toMatch(/at most 200 characters/);
    expect(issue(scan('\u0000\u200b'))).toMatch(/Scan the label again/);
  });

  it('never let hidden or broken characters through, whatever is sent', () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const r = scan(raw);
        if (r.success) expect(findTextProblem(r.data.raw, { keepScanSeparators: true })).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('reasons and notes', () => {
  it('refuse hidden characters in a cancel reason, a typed-weight reason, a damage note and a hold-shelf note', () => {
    expect(COMMANDS['intake.cancel'].request.safeParse({ ...ids(), reason: 'wrong\u0000parcel' }).success).toBe(false);
    expect(COMMANDS['intake.captureWeight'].request.safeParse({ ...ids(), manual: { value: '1', unit: 'lb', reason: 'scale\u202ebroken' } }).success).toBe(false);
    expect(COMMANDS['intake.reportDamage'].request.safeParse({ ...ids(), damaged: true, note: 'torn\ud800' }).success).toBe(false);
    expect(COMMANDS['holds.release'].request.safeParse({ commandId: randomUUID(), holdIds: ['h1'], note: 'ok\u200b now' }).success).toBe(false);
  });

  it('accept ordinary text, a multi-line note, and trim it', () => {
    const r = COMMANDS['intake.cancel'].request.safeParse({ ...ids(), reason: '  wrong parcel  ' });
    expect(r.success && r.data.reason).toBe('wrong parcel');
    expect(COMMANDS['holds.release'].request.safeParse({ commandId: randomUUID(), holdIds: ['h1'], note: 'ID arrived\nby email' }).success).toBe(true);
  });
});
