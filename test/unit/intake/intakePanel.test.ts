import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntakePanel, type IntakeActions } from '../../../renderer/intake/IntakePanel.tsx';
import { VerdictBanner } from '../../../renderer/intake/VerdictBanner.tsx';
import type { IntakeView } from '../../../shared/contract/intakeView.ts';
import { INTAKE_STATES, type IntakeState } from '../../../shared/intake/intakeStates.ts';
import { allowedActions, type IntakeAction } from '../../../shared/intake/intakeMachine.ts';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH, REASON_MAX_LENGTH, SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';
import { ScanField } from '../../../renderer/intake/ScanField.tsx';
import { HoldShelfPanel } from '../../../renderer/holds/HoldShelfPanel.tsx';
import { groupHoldsByAge } from '../../../shared/rules/holdAging.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';

const noop = () => undefined;
const actions: IntakeActions = { captureWeight: noop, setDimensions: noop, reportDamage: noop, commitVerdict: noop, finish: noop, print: noop, cancel: noop };
const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };

function view(state: IntakeState, verdict: Verdict | null = state === 'decided' || state === 'printed' || state === 'ready' ? ACCEPT : null): IntakeView {
  return {
    intakeId: '00000000-0000-4000-8000-000000000001', state,
    scan: { raw: 'TBA300014123456', kind: 'amazon', carrier: null, tracking: 'TBA300014123456' },
    repeatScan: false, manifest: null,
    weight: state === 'scanned' ? null : { mass: 1000, unit: 'lb', source: 'scale', manualReason: null },
    dims: state === 'scanned' ? null : { length: 254_000_000, width: 203_200_000, height: 152_400_000, unit: 'in' },
    damaged: false, verdict, holdLocation: null, operator: 'demo', createdAt: 0, updatedAt: 0,
  };
}
const render = (intake: IntakeView) => renderToStaticMarkup(createElement(IntakePanel, { intake, actions, busy: false, massUnit: 'lb', lengthUnit: 'in' }));

/** Which controls the panel shows for each action of the state machine. */
const CONTROL: Partial<Record<IntakeAction, string>> = {
  weigh: 'data-testid="capture-weight"',
  setDimensions: 'data-testid="set-dims"',
  decide: 'data-testid="commit-verdict"',
  print: 'data-testid="print"',
  finish: 'data-testid="finish"',
  cancel: 'data-testid="cancel"',
};

describe('IntakePanel offers exactly what the state machine allows', () => {
  it.each(INTAKE_STATES)('%s', (state) => {
    const html = render(view(state));
    const allowed = new Set(allowedActions(state));
    for (const [action, control] of Object.entries(CONTROL)) expect([action, html.includes(control)]).toEqual([action, allowed.has(action as IntakeAction)]);
    expect(/data-testid="damaged"[^>]*disabled/.test(html)).toBe(!allowed.has('reportDamage'));
  });
});

describe('VerdictBanner', () => {
  const banner = (verdict: Verdict) => renderToStaticMarkup(createElement(VerdictBanner, { verdict, holdLocation: null }));
  const reprice = (currency: 'USD' | 'KRW' | 'JPY', estimateMinor: number, priceMinor: number) =>
    ({ currency, estimateMinor, priceMinor, deltaMinor: priceMinor - estimateMinor, billableMass: 1, rateCardId: 'c', rateCardVersion: '1' }) as const;
  it('shows prices with the currency minor-unit exponent (KRW and JPY have no decimals)', () => {
    expect(banner({ ...ACCEPT, reprice: reprice('KRW', 30000, 32500) })).toContain('Price 32500 KRW (estimate 30000 KRW, +2500 KRW)');
    expect(banner({ ...ACCEPT, reprice: reprice('JPY', 1500, 1200) })).toContain('Price 1200 JPY (estimate 1500 JPY, −300 JPY)');
    expect(banner({ ...ACCEPT, reprice: reprice('USD', 2150, 2200) })).toContain('Price $22.00 (estimate $21.50, +$0.50)');
  });
  it('headings come from the shared decision wording', () => {
    expect(banner({ decision: 'HOLD', reasons: [], reprice: null })).toContain('HOLD — put it on the hold shelf');
  });
});

describe('text inputs carry the contract limits', () => {
  it('scan field, typed-weight reason, cancel reason and hold note', () => {
    expect(renderToStaticMarkup(createElement(ScanField, { onScan: noop, busy: false }))).toContain(`maxLength="${SCAN_MAX_LENGTH}"`);
    expect(render(view('weighed'))).toMatch(new RegExp(`data-testid="manual-reason"[^>]*minLength="${NOTE_MIN_LENGTH}" maxLength="${REASON_MAX_LENGTH}"`));
    const shelf = renderToStaticMarkup(
      createElement(HoldShelfPanel, {
        groups: groupHoldsByAge([{ holdId: 'h', intakeId: 'i', waybill: null, destination: null, location: 'H-01-01', reasons: [], heldAt: 0 }], 0),
        onRelease: noop, onConvertToReturn: noop, formatTime: () => 'T',
      }),
    );
    expect(shelf).toMatch(new RegExp(`data-testid="hold-note"[^>]*minLength="${NOTE_MIN_LENGTH}" maxLength="${NOTE_MAX_LENGTH}"`));
  });
  it('any state the panel is rendered in, it never offers an action the machine refuses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INTAKE_STATES), fc.boolean(), (state, damaged) => {
        const html = render({ ...view(state), damaged });
        const offered = Object.entries(CONTROL).filter(([, c]) => html.includes(c)).map(([a]) => a);
        return offered.every((a) => allowedActions(state).includes(a as IntakeAction));
      }),
    );
  });
});
