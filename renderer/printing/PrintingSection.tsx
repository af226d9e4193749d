/**
 * Printing on the intake screen: the print queue (visible jobs, retry, reprint, browser-print handoff) and printer
 * setup with a test label, through the contract.
 */
import { useEffect, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { CommandResponse } from '../../shared/contract/commands.ts';
import type { DocumentKind } from '../../shared/printing/documentKinds.ts';
import { PrintQueueList } from './PrintQueueList.tsx';
import { PrinterSetupPanel, type AvailablePrinters, type TestOutcome } from './PrinterSetupPanel.tsx';
import { printHtmlInBrowser } from './printHtmlInBrowser.ts';

export function PrintingSection(props: { client: StationClient; onError: (message: string) => void }) {
  const { client, onError } = props;
  const [status, setStatus] = useState<CommandResponse<'print.queue'> | null>(null);
  const [settings, setSettings] = useState<CommandResponse<'printer.get'> | null>(null);
  const [printers, setPrinters] = useState<AvailablePrinters>({ cups: null, system: null });
  const [setup, setSetup] = useState(false);
  const [busy, setBusy] = useState(false);
  const [lastTest, setLastTest] = useState<TestOutcome | null>(null);

  useEffect(() => {
    const off = client.subscribe('printQueue', setStatus);
    void client.call('print.queue', { limit: 20 }).then((r) => (r.ok ? setStatus(r.data) : onError(r.error.message)));
    void client.call('printer.get', {}).then((r) => (r.ok ? setSettings(r.data) : onError(r.error.message)));
    return off;
  }, [client, onError]);

  const refreshPrinters = () => void client.call('printer.list', {}).then((r) => (r.ok ? setPrinters(r.data) : onError(r.error.message)));
  const report = (r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok && r.error) onError(r.error.message);
  };

  return (
    <section className="printing" aria-label="Printing" data-testid="printing">
      <header className="printing-header">
        <h3>Printing</h3>
        <button type="button" data-testid="printer-setup-toggle" onClick={() => { setSetup((s) => !s); refreshPrinters(); }}>
          {setup ? 'Close printer setup' : 'Printer setup…'}
        </button>
      </header>
      {setup && settings && (
        <PrinterSetupPanel
          settings={settings}
          printers={printers}
          lastTest={lastTest}
          busy={busy}
          onRefreshPrinters={refreshPrinters}
          onSave={async (next) => {
            setBusy(true);
            const r = await client.call('printer.set', next);
            setBusy(false);
            if (r.ok) setSettings(r.data);
            else onError(r.error.message);
          }}
          onTest={async (document: DocumentKind, target) => {
            setBusy(true);
            const r = await client.call('print.test', { target });
            setBusy(false);
            if (r.ok && r.data.handoffHtml) await printHtmlInBrowser(r.data.handoffHtml);
            setLastTest({ document, ok: r.ok, message: r.ok ? `Test label sent to ${r.data.printer} (${r.data.durationMs} ms)` : r.error.message });
          }}
        />
      )}
      {status && (
        <PrintQueueList
          status={status}
          now={Date.now()}
          onRetry={(jobId) => void client.call('print.retry', { jobId }).then(report)}
          onReprint={(job) => void client.call('print.reprint', { commandId: crypto.randomUUID(), intakeId: job.intakeId, document: job.document }).then(report)}
          onBrowserPrint={async (jobId) => {
            const r = await client.call('print.content', { jobId });
            if (r.ok) await printHtmlInBrowser(r.data.html);
            else onError(r.error.message);
          }}
          onConfirmPrinted={(jobId) => void client.call('print.confirm', { jobId, printed: true }).then(report)}
        />
      )}
    </section>
  );
}
