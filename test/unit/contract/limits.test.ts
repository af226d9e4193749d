import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { COMMANDS } from '../../../shared/contract/commands.ts';
import { HoldBatchRequestSchema } from '../../../shared/contract/holds.ts';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH, REASON_MAX_LENGTH, SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';

const ids = () => ({ commandId: randomUUID(), intakeId: randomUUID() });
const text = (n: number) => 'x'.repeat(n);

/** Each text field the worker types, with the request that carries it and its limits. */
const FIELDS = [
  { name: 'hold note', min: NOTE_MIN_LENGTH, max: NOTE_MAX_LENGTH, ok: (t: string) => HoldBatchRequestSchema.safeParse({ commandId: randomUUID(), holdIds: ['h'], note: t }).success },
  { name: 'typed-weight reason', min: NOTE_MIN_LENGTH, max: REASON_MAX_LENGTH, ok: (t: string) => COMMANDS['intake.captureWeight'].request.safeParse({ ...ids(), manual: { value: '2', unit: 'lb', reason: t } }).success },
  { name: 'cancel reason', min: NOTE_MIN_LENGTH, max: REASON_MAX_LENGTH, ok: (t: string) => COMMANDS['intake.cancel'].request.safeParse({ ...ids(), reason: t }).success },
  { name: 'scan', min: 1, max: SCAN_MAX_LENGTH, ok: (t: string) => COMMANDS['intake.scan'].request.safeParse({ ...ids(), raw: t, source: 'keyboard' }).success },
] as const;

describe('the contract enforces the limits in limits.ts', () => {
  it.each(FIELDS)('$name: $min … $max characters', (field) => {
    expect([field.ok(text(field.min - 1)), field.ok(text(field.min)), field.ok(text(field.max)), field.ok(text(field.max + 1))]).toEqual([false, true, true, false]);
  });
  it('a note of spaces around too few characters is too short (trimmed first)', () => {
    expect(FIELDS[0].ok(`   ${text(NOTE_MIN_LENGTH - 1)}   `)).toBe(false);
  });
  it('the damage note is at most REASON_MAX_LENGTH', () => {
    const parse = (note: string) => COMMANDS['intake.reportDamage'].request.safeParse({ ...ids(), damaged: true, note }).success;
    expect([parse(text(REASON_MAX_LENGTH)), parse(text(REASON_MAX_LENGTH + 1))]).toEqual([true, false]);
  });
});
