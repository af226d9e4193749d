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
const render = (intake: IntakeView) =>
  renderToStaticMarkup(createElement(IntakePanel, { intake, actions, busy: false, massUnit: 'lb', lengthUnit: 'in', step: 'weigh', sizeRequired: true }));

/** Which controls the panel shows for each action of the state machine. */
const CONTROL: Partial<Record<IntakeAction, string>> = {
  weigh: 'data-testid="manual-weight"',
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
  it('shows the verdict word and what to do; an accept with an inspection flag has its own look', () => {
    expect(banner({ decision: 'HOLD', reasons: [], reprice: null })).toMatch(/data-look="hold".*>HOLD<.*Put it on the hold shelf/s);
    expect(banner(ACCEPT)).toMatch(/data-look="accept".*>ACCEPT<.*Relabel and send on/s);
    const flagged = banner({ ...ACCEPT, reasons: [{ code: 'WEIGHT_MISMATCH', effect: 'FLAG', message: 'Weighs 6.50 lb; declared 2.00 lb.' }] });
    expect(flagged).toMatch(/data-decision="ACCEPT" data-look="aside".*>SET ASIDE<.*inspection table/s);
    // Reasons are the rules' plain words, not their codes.
    expect(flagged).toContain('>Weighs 6.50 lb; declared 2.00 lb.<');
    expect(flagged).not.toContain('WEIGHT MISMATCH');
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

describe('the card for the bench', () => {
  const props = { actions, busy: false, massUnit: 'lb', lengthUnit: 'in', sizeRequired: true } as const;
  const card = (intake: IntakeView, extra: Partial<Parameters<typeof IntakePanel>[0]> = {}) =>
    renderToStaticMarkup(createElement(IntakePanel, { intake, step: 'measure', ...props, ...extra }));

  it('shows a refusal beside the field it names, in the station\'s words', () => {
    const html = card(view('weighed'), { error: { code: 'RULE_REJECTED', field: 'width', message: 'Width: type a size above 0 in, such as 12.' } });
    expect(html).toMatch(/data-testid="dim-width"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/data-testid="dims-error"[^>]*>Width: type a size above 0 in, such as 12\.</);
    expect(card(view('weighed'), { error: { code: 'INVALID_REQUEST', field: 'manual.reason', message: 'Why the weight is typed: write something here.' } })).toContain('data-testid="manual-weight-error"');
  });

  it('says why each disabled control is disabled, in visible text', () => {
    const measuring = card({ ...view('weighed'), dims: null });
    expect(measuring).toMatch(/data-testid="set-dims" disabled/);
    expect(measuring).toContain('data-testid="why-set-dims"');
    expect(measuring).toMatch(/data-testid="commit-verdict" disabled/);
    expect(measuring).toContain('data-testid="why-decide"');
    expect(card(view('printed'))).toContain('data-testid="why-damaged"');
    // Every disabled button or input on any card has a visible reason next to it (why-…).
    fc.assert(fc.property(fc.constantFrom(...INTAKE_STATES), fc.boolean(), (state, measured) => {
      const html = card({ ...view(state), dims: measured ? view('weighed').dims : null });
      const disabled = (html.match(/<(button|input)[^>]* disabled=""/g) ?? []).length;
      const reasons = (html.match(/class="why"/g) ?? []).length;
      expect(reasons).toBeGreaterThanOrEqual(disabled);
    }));
  });

  it('warns when the card\'s weight and the live readout differ, and only then', () => {
    expect(card(view('weighed'), { agreement: { result: 'differs', liveText: '46.20 lb' } })).toMatch(/data-testid="weight-disagrees"[^>]*>⚠ The scale shows 46\.20 lb/);
    for (const result of ['agrees', 'empty', 'moving'] as const) expect(card(view('weighed'), { agreement: { result, liveText: 'x' } })).not.toContain('weight-disagrees');
  });

  it('asks for the step the parcel needs in big words; a hold shows its shelf slot and the one confirmation', () => {
    expect(card(view('scanned'), { step: 'weigh' })).toMatch(/data-testid="intake-step"[^>]*>Put the parcel on the scale</);
    expect(card({ ...view('weighed'), dims: null }, { step: 'measure' })).toContain('length, Enter, width, Enter, height, Enter');
    const held = card({ ...view('decided', { decision: 'HOLD', reasons: [], reprice: null }), holdLocation: 'H-01-02' }, { step: 'putAway' });
    expect(held).toMatch(/data-testid="verdict-hold-location".*<strong>H-01-02<\/strong>/s);
    expect(held).toMatch(/data-testid="finish"[^>]*>On shelf H-01-02 — next parcel/);
  });
});
