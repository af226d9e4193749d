/**
 * Printer setup: a printer (and so a format) for each document, a test label for each, and which documents print
 * by themselves after each verdict. Props in, callbacks out; the station checks the settings again when saved.
 */
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_TITLES, type DocumentKind } from '../../shared/printing/documentKinds.ts';
import { PrintSettingsSchema, describeTarget, type PrintSettings, type PrinterTarget } from '../../shared/printing/printerSettings.ts';
import { DECISIONS, type Decision } from '../../shared/rules/verdict.ts';
import { FORM_KINDS, KIND_LABELS, formFromTarget, targetFromForm, type FormKind, type PrinterForm } from './printerForm.ts';

export interface AvailablePrinters {
  /** CUPS queues, or null when CUPS is not installed. */
  readonly cups: readonly string[] | null;
  /** Electron's system printers, or null outside Electron. */
  readonly system: ReadonlyArray<{ name: string; displayName: string }> | null;
}

export interface TestOutcome {
  readonly document: DocumentKind;
  readonly ok: boolean;
  readonly message: string;
}

export interface PrinterSetupPanelProps {
  readonly settings: PrintSettings;
  readonly printers: AvailablePrinters;
  /** The last test label's result, shown next to its document. */
  readonly lastTest?: TestOutcome | null;
  /** True while a save or a test is in flight: buttons wait. */
  readonly busy?: boolean;
  readonly onSave: (settings: PrintSettings) => void;
  readonly onTest: (document: DocumentKind, target: PrinterTarget) => void;
  readonly onRefreshPrinters?: () => void;
}

const DECISION_WORDS: Readonly<Record<Decision, string>> = { ACCEPT: 'Accepted', HOLD: 'Held', RETURN: 'Returned' };

function PrinterFields(props: { form: PrinterForm; printers: AvailablePrinters; onChange: (form: PrinterForm) => void; id: string }) {
  const { form, printers, onChange, id } = props;
  const set = (patch: Partial<PrinterForm>) => onChange({ ...form, ...patch });
  const dpi = (
    <label>
      Resolution{' '}
      <select value={form.dpi} onChange={(e) => set({ dpi: e.target.value === '300' ? '300' : '203' })} data-testid={`${id}-dpi`}>
        <option value="203">203 dpi</option>
        <option value="300">300 dpi</option>
      </select>
    </label>
  );
  const address = (
    <>
      <label>Address <input value={form.host} onChange={(e) => set({ host: e.target.value })} placeholder="192.168.1.50" data-testid={`${id}-host`} /></label>
      <label>Port <input value={form.port} onChange={(e) => set({ port: e.target.value })} inputMode="numeric" size={6} data-testid={`${id}-port`} /></label>
    </>
  );
  const device = <label>Device <input value={form.path} onChange={(e) => set({ path: e.target.value })} placeholder="/dev/usb/lp0" data-testid={`${id}-path`} /></label>;
  const eplNote = <p className="print-note">LP/TLP 2844 printers print at 203 dpi. Names in Chinese, Japanese or Korean print as pictures of the text.</p>;
  switch (form.kind) {
    case 'zpl-tcp':
      return (
        <div className="print-fields">
          {address}
          {dpi}
          <label>
            <input type="checkbox" checked={form.checkStatus} onChange={(e) => set({ checkStatus: e.target.checked })} /> Ask the printer for its status first (Zebra only)
          </label>
        </div>
      );
    case 'zpl-device':
      return (
        <div className="print-fields">
          {device}
          {dpi}
        </div>
      );
    case 'epl-tcp':
      return (
        <div className="print-fields">
          {address}
          {eplNote}
        </div>
      );
    case 'epl-device':
      return (
        <div className="print-fields">
          {device}
          {eplNote}
        </div>
      );
    case 'pdf-cups':
      return (
        <div className="print-fields">
          <label>
            CUPS printer{' '}
            {printers.cups !== null && printers.cups.length > 0 ? (
              <select value={form.printerName} onChange={(e) => set({ printerName: e.target.value })} data-testid={`${id}-cups`}>
                <option value="">Choose…</option>
                {printers.cups.map((name) => <option key={name} value={name}>{name}</option>)}
              </select>
            ) : (
              <input value={form.printerName} onChange={(e) => set({ printerName: e.target.value })} placeholder={printers.cups === null ? 'CUPS is not installed' : 'queue name'} data-testid={`${id}-cups`} />
            )}
          </label>
          <label>
            Paper{' '}
            <select value={form.media} onChange={(e) => set({ media: e.target.value === 'default' ? 'default' : 'label' })}>
              <option value="label">4×6 in label</option>
              <option value="default">The printer's own paper (centred)</option>
            </select>
          </label>
        </div>
      );
    case 'pdf-system':
      return (
        <div className="print-fields">
          {printers.system === null ? (
            <p className="print-note">System printers are available in the ECMS Intake app, not in browser mode.</p>
          ) : (
            <label>
              System printer{' '}
              <select value={form.deviceName} onChange={(e) => set({ deviceName: e.target.value })} data-testid={`${id}-system`}>
                <option value="">Choose…</option>
                {printers.system.map((p) => <option key={p.name} value={p.name}>{p.displayName}</option>)}
              </select>
            </label>
          )}
        </div>
      );
    case 'browser-print':
      return <p className="print-note">Each document opens the browser's print dialog; confirm in the print queue once it has printed.</p>;
    case 'none':
      return <p className="print-note">Nothing prints for this document; jobs wait until a printer is chosen.</p>;
  }
}

export function PrinterSetupPanel(props: PrinterSetupPanelProps) {
  const { settings, printers, lastTest, busy = false, onSave, onTest, onRefreshPrinters } = props;
  const [forms, setForms] = useState<Record<DocumentKind, PrinterForm>>(() => ({
    relabel: formFromTarget(settings.printers.relabel),
    'return-slip': formFromTarget(settings.printers['return-slip']),
  }));
  const [autoPrint, setAutoPrint] = useState<PrintSettings['autoPrint']>(settings.autoPrint);
  const [voidSlip, setVoidSlip] = useState(settings.voidSlip);
  useEffect(() => {
    setForms({ relabel: formFromTarget(settings.printers.relabel), 'return-slip': formFromTarget(settings.printers['return-slip']) });
    setAutoPrint(settings.autoPrint);
    setVoidSlip(settings.voidSlip);
  }, [settings]);

  const results = { relabel: targetFromForm(forms.relabel), 'return-slip': targetFromForm(forms['return-slip']) };
  const draft = results.relabel.ok && results['return-slip'].ok
    ? PrintSettingsSchema.safeParse({ printers: { relabel: results.relabel.target, 'return-slip': results['return-slip'].target }, autoPrint, voidSlip })
    : null;

  const toggle = (decision: Decision, document: DocumentKind, on: boolean) => {
    const list = autoPrint[decision].filter((d) => d !== document);
    setAutoPrint({ ...autoPrint, [decision]: on ? [...list, document] : list });
  };

  return (
    <section className="printer-setup" aria-label="Printer setup" data-testid="printer-setup">
      <h3>Printers</h3>
      {DOCUMENT_KINDS.map((document) => {
        const form = forms[document];
        const result = results[document];
        const id = `printer-${document}`;
        return (
          <fieldset key={document} data-testid={id}>
            <legend>{DOCUMENT_TITLES[document]}</legend>
            <label>
              Printer{' '}
              <select value={form.kind} onChange={(e) => setForms({ ...forms, [document]: { ...form, kind: e.target.value as FormKind } })} data-testid={`${id}-kind`}>
                {FORM_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
              </select>
            </label>
            <PrinterFields id={id} form={form} printers={printers} onChange={(next) => setForms({ ...forms, [document]: next })} />
            {!result.ok && <p className="print-error" role="alert" data-testid={`${id}-error`}>{result.message}</p>}
            {result.ok && result.target !== null && <p className="print-summary">{describeTarget(result.target)}</p>}
            <button
              type="button"
              disabled={busy || !result.ok || result.target === null}
              onClick={() => result.ok && result.target !== null && onTest(document, result.target)}
              data-testid={`${id}-test`}
            >
              Print test label
            </button>
            {lastTest?.document === document && (
              <p className={lastTest.ok ? 'print-ok' : 'print-error'} role="status" data-testid={`${id}-test-result`}>{lastTest.message}</p>
            )}
          </fieldset>
        );
      })}
      <fieldset data-testid="auto-print">
        <legend>Print automatically after the verdict</legend>
        <table>
          <thead>
            <tr><th />{DOCUMENT_KINDS.map((d) => <th key={d}>{DOCUMENT_TITLES[d]}</th>)}</tr>
          </thead>
          <tbody>
            {DECISIONS.map((decision) => (
              <tr key={decision}>
                <th scope="row">{DECISION_WORDS[decision]}</th>
                {DOCUMENT_KINDS.map((document) => (
                  <td key={document}>
                    <input
                      type="checkbox"
                      aria-label={`${DECISION_WORDS[decision]}: ${DOCUMENT_TITLES[document]}`}
                      checked={autoPrint[decision].includes(document)}
                      onChange={(e) => toggle(decision, document, e.target.checked)}
                      data-testid={`auto-${decision}-${document}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <label>
          <input type="checkbox" checked={voidSlip} onChange={(e) => setVoidSlip(e.target.checked)} data-testid="void-slip" /> When a printed label or
          slip becomes void (its verdict changed), also print a VOID slip of it
        </label>
      </fieldset>
      <div className="print-actions">
        {onRefreshPrinters && <button type="button" onClick={onRefreshPrinters} disabled={busy}>Look for printers again</button>}
        <button type="button" disabled={busy || draft === null || !draft.success} onClick={() => draft?.success && onSave(draft.data)} data-testid="printer-save">
          Save printers
        </button>
      </div>
    </section>
  );
}
